import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

const PAGE_SIZE = 30;

export const conversationKeys = {
  list: ['conversations'] as const,
  one: (id: string) => ['conversations', id] as const,
};

/** The caller's conversations, newest activity first, a page at a time. */
export function useConversations() {
  return useInfiniteQuery({
    queryKey: conversationKeys.list,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/conversations', { params: { query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
  });
}

export function useConversation(id: string | null) {
  return useQuery({
    queryKey: conversationKeys.one(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/conversations/{id}', { params: { path: { id: id! } } })),
    enabled: id != null,
  });
}

export function useRenameConversation() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) => unwrap(api.PATCH('/api/v1/conversations/{id}', { params: { path: { id } }, body: { title } })),
    onSettled: (_data, _error, { id }) => Promise.all([queries.invalidateQueries({ queryKey: conversationKeys.list }), queries.invalidateQueries({ queryKey: conversationKeys.one(id) })]),
  });
}

export function useDeleteConversation() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/conversations/{id}', { params: { path: { id } } })),
    onSuccess: (_data, id) => {
      queries.removeQueries({ queryKey: conversationKeys.one(id) });
      return queries.invalidateQueries({ queryKey: conversationKeys.list });
    },
  });
}
