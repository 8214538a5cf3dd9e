import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import { authorizedFetch } from '@/lib/api/http';
import type { ChatRequest, FeedbackRequest } from '@/lib/api/types';
import { isEventStream } from '@/lib/sse';

/** Opens the answer's event stream; a refusal before the stream (429, 400, 404) throws. */
export async function openChatStream(body: ChatRequest, signal: AbortSignal): Promise<Response> {
  const response = await authorizedFetch('/api/v1/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(body),
    signal,
  });
  if (!response.ok || !isEventStream(response)) throw await ApiError.from(response);
  return response;
}

export const stopGeneration = (assistantMessageId: string) => unwrap(api.POST('/api/v1/chat/{assistantMessageId}/stop', { params: { path: { assistantMessageId } } }));

export const giveFeedback = (assistantMessageId: string, body: FeedbackRequest) =>
  unwrap(api.POST('/api/v1/chat/{assistantMessageId}/feedback', { params: { path: { assistantMessageId } }, body }));
