// Reads one SSE response (POST /chat) event by event, comments (`: ping`) included.
import { TextDecoder } from 'node:util';
import { createParser } from 'eventsource-parser';

export async function postSse(url, { headers = {}, body, signal, onEvent = () => {}, onComment = () => {} }) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(body),
    signal,
  });
  if (!response.ok || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
    throw new Error(`POST ${new URL(url).pathname} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }
  const parser = createParser({ onEvent, onComment });
  const decoder = new TextDecoder();
  for await (const chunk of response.body) parser.feed(decoder.decode(chunk, { stream: true }));
}
