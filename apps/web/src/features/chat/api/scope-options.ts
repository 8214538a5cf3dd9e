import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

/** What a question can be narrowed to: the departments, and the ready files the caller may read. */
export function useScopeOptions(enabled: boolean) {
  const departments = useQuery({
    queryKey: ['departments'],
    queryFn: () => unwrap(api.GET('/api/v1/org/departments')),
    enabled,
    staleTime: 60_000,
  });
  const files = useQuery({
    queryKey: ['files', { status: 'ready', purpose: 'scope' }],
    queryFn: () => unwrap(api.GET('/api/v1/files', { params: { query: { status: 'ready', limit: 100 } } })),
    enabled,
    staleTime: 30_000,
  });
  return { departments, files };
}
