import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
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

const conversationQuery = (id: string) =>
  queryOptions({
    queryKey: conversationKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/conversations/{id}', { params: { path: { id } } })),
  });

/** One conversation with its messages; `enabled: false` holds the read back for now. */
export function useConversation(id: string | null, enabled = true) {
  return useQuery({ ...conversationQuery(id ?? ''), enabled: id != null && enabled });
}

/** Reads a conversation into the cache, for a screen that holds its own read back. */
export const loadConversation = (queries: QueryClient, id: string) => queries.prefetchQuery(conversationQuery(id));

/**
 * Reads a conversation again now, shown or not. A read already on the way is restarted: it
 * may have left before what just changed was stored.
 */
export async function refreshConversation(queries: QueryClient, id: string) {
  await queries.cancelQueries({ queryKey: conversationKeys.one(id) });
  await queries.fetchQuery({ ...conversationQuery(id), staleTime: 0 }).catch(() => undefined);
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

/** Shows another version of a message (and the branch under it); the answer is the conversation as it then reads. */
export function useShowVersion(conversationId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => unwrap(api.POST('/api/v1/conversations/{id}/messages/{messageId}/show', { params: { path: { id: conversationId, messageId } } })),
    onSuccess: (conversation) => queries.setQueryData(conversationKeys.one(conversationId), conversation),
  });
}
