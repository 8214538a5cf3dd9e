import { EventSourceParserStream } from 'eventsource-parser/stream';

export type SseMessage = { event: string; data: unknown };

/**
 * The events of an SSE response read over fetch (the chat is a POST with a bearer token and
 * file events need the token too, which EventSource can send neither of). Ends with the stream;
 * a dropped connection rejects, so the caller can say so.
 */
export async function* readEvents(response: Response): AsyncGenerator<SseMessage> {
  if (!response.body) return;
  const events = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
  const reader = events.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield { event: value.event ?? 'message', data: JSON.parse(value.data) };
    }
  } finally {
    reader.releaseLock();
  }
}

export const isEventStream = (response: Response) => response.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
