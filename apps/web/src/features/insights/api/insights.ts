import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export type FeedbackFilters = { rating?: 'up' | 'down'; from?: string; to?: string };
export type UsageRange = { from: string; to: string };

export function useFeedback(filters: FeedbackFilters) {
  return useInfiniteQuery({
    queryKey: ['admin', 'feedback', filters],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/admin/feedback', { params: { query: { limit: 20, ...filters, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
  });
}

export function useUsage(range: UsageRange, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['admin', 'usage', range],
    queryFn: () => unwrap(api.GET('/api/v1/admin/usage', { params: { query: range } })),
    // The last figures stay on screen while another range loads.
    placeholderData: keepPreviousData,
  });
}
