import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

/** What the sign-in page offers here: a password form, a single sign-on button, or both. */
export function useSignInOptions() {
  return useQuery({
    queryKey: ['sign-in-options'],
    queryFn: () => unwrap(api.GET('/api/v1/auth/options')),
    // Deployment settings: they change with a restart, not while the page is open.
    staleTime: Infinity,
  });
}
