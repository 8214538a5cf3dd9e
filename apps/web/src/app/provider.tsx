import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '@/lib/api/errors';
import { session } from '@/lib/auth/session';

function createQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache(),
    mutationCache: new MutationCache(),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // A 4xx will not change by asking again; a network failure or 5xx may.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [queries] = useState(createQueryClient);
  useEffect(() => {
    // Nothing one person read stays in memory for the next one to sign in on this tab.
    return session.subscribe(() => {
      if (session.snapshot().status === 'signed-out') queries.clear();
    });
  }, [queries]);
  return <QueryClientProvider client={queries}>{children}</QueryClientProvider>;
}
