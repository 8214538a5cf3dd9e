import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import { authorizedFetch } from '@/lib/api/http';
import type { ChatFilters, ChatRequest, FeedbackRequest } from '@/lib/api/types';
import { isEventStream } from '@/lib/sse';

/**
 * What a turn asks: the next question, a new answer to an earlier answer's question, or an
 * edited question in place of an earlier one. All three answer with the same event stream.
 */
export type TurnRequest =
  { kind: 'ask'; body: ChatRequest } | { kind: 'regenerate'; assistantMessageId: string; filters?: ChatFilters } | { kind: 'edit'; userMessageId: string; message: string; filters?: ChatFilters };

const filtersOf = (filters: ChatFilters | undefined) => (filters ? { filters } : {});

function routeOf(request: TurnRequest): { path: string; body: unknown } {
  switch (request.kind) {
    case 'ask':
      return { path: '/api/v1/chat', body: request.body };
    case 'regenerate':
      return { path: `/api/v1/chat/${encodeURIComponent(request.assistantMessageId)}/regenerate`, body: filtersOf(request.filters) };
    case 'edit':
      return { path: `/api/v1/chat/${encodeURIComponent(request.userMessageId)}/edit`, body: { message: request.message, ...filtersOf(request.filters) } };
  }
}

/** Opens the answer's event stream; a refusal before the stream (429, 409, 400, 404) throws. */
export async function openChatStream(request: TurnRequest, signal: AbortSignal): Promise<Response> {
  const { path, body } = routeOf(request);
  const response = await authorizedFetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(body),
    signal,
  });
  if (!response.ok || !isEventStream(response)) throw await ApiError.from(response);
  return response;
}

export const stopGeneration = (assistantMessageId: string) => unwrap(api.POST('/api/v1/chat/{assistantMessageId}/stop', { params: { path: { assistantMessageId } } }));

export const giveFeedback = (assistantMessageId: string, body: FeedbackRequest) => unwrap(api.POST('/api/v1/chat/{assistantMessageId}/feedback', { params: { path: { assistantMessageId } }, body }));
