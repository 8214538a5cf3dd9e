import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { AuditAction } from '@/lib/api/types';

/** The filters `GET /admin/audit` takes; times are ISO 8601 (`to` is exclusive). */
export type AuditFilters = { action?: AuditAction; actorId?: string; from?: string; to?: string };

const AUDIT_PAGE_SIZE = 25;

export function useAuditEntries(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/admin/audit', { params: { query: { ...filters, limit: AUDIT_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
    // The log only grows: what was read stays true, and newer entries come with a refresh.
    staleTime: 0,
  });
}

/** Names for the ids entries carry: the people and departments this reader may list. */
export function useAuditNames() {
  const people = useInfiniteQuery({
    queryKey: ['audit', 'people'],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/org/users', { params: { query: { limit: 100, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
  });
  const departments = useQuery({ queryKey: ['audit', 'departments'], queryFn: () => unwrap(api.GET('/api/v1/org/departments')) });
  return { people, departments };
}
