import { createParser } from 'eventsource-parser';
import http from 'node:http';

export interface WireRequest {
  method: string;
  /** Path and query exactly as they go on the request line. */
  target: string;
  headers: Record<string, string | string[]>;
  body: Buffer | null;
  /** How the body travels: with a Content-Length, chunked, or cut off by a client that goes away. */
  framing: 'length' | 'chunked' | 'abort';
  /** Leave out the Host header (HTTP/1.1 requires one). */
  omitHost: boolean;
}

interface SseEvent {
  event: string;
  data: string;
}

export type Exchange =
  | { outcome: 'answered'; status: number; headers: http.IncomingHttpHeaders; text: string; events: SseEvent[] | null; closedByClient: boolean }
  | { outcome: 'aborted' }
  | { outcome: 'no-answer'; reason: string };

export interface ExchangeLimits {
  /** No status line within this long is a hang. */
  answerMs: number;
  /** A stream still open after this long is closed by the client (files/:id/events runs until ready). */
  streamMs: number;
  /** A stream silent for this long after its first event is closed by the client. */
  streamIdleMs: number;
}

const MAX_BODY = 4 * 1024 * 1024;

/** Sends one request over a fresh connection and reads the whole answer, an event stream to its end or until closed. */
export function exchange(baseUrl: string, request: WireRequest, limits: ExchangeLimits): Promise<Exchange> {
  const url = new URL(baseUrl);
  const headers: Record<string, string | string[]> = { ...request.headers };
  if (request.body !== null && request.framing !== 'chunked') headers['content-length'] = String(request.body.length + (request.framing === 'abort' ? 1_000 : 0));
  // Named, since Node frames a GET's or DELETE's body by itself only when told to.
  if (request.body !== null && request.framing === 'chunked') headers['transfer-encoding'] = 'chunked';
  return new Promise<Exchange>((resolve) => {
    let settled = false;
    const settle = (result: Exchange) => {
      if (settled) return;
      settled = true;
      clearTimeout(answerTimer);
      resolve(result);
    };
    let outgoing: http.ClientRequest;
    try {
      outgoing = http.request({ host: url.hostname, port: url.port, method: request.method, path: request.target, headers, agent: false, setHost: !request.omitHost });
    } catch (error) {
      // A request Node itself will not send is a bug of the generator, not of the server.
      throw new Error(`the fuzz generated a request Node refuses to send: ${(error as Error).message}`, { cause: error });
    }
    const answerTimer = setTimeout(() => {
      outgoing.destroy();
      settle({ outcome: 'no-answer', reason: `no answer within ${limits.answerMs} ms` });
    }, limits.answerMs);
    outgoing.on('error', (error) => {
      if (request.framing === 'abort') settle({ outcome: 'aborted' });
      else settle({ outcome: 'no-answer', reason: `the connection failed before an answer: ${error.message}` });
    });
    outgoing.on('response', (response) => {
      clearTimeout(answerTimer);
      const isStream = String(response.headers['content-type'] ?? '').startsWith('text/event-stream');
      const chunks: Buffer[] = [];
      let size = 0;
      let closedByClient = false;
      const events: SseEvent[] = [];
      const parser = createParser({ onEvent: (message) => events.push({ event: message.event ?? 'message', data: message.data }) });
      const decoder = new TextDecoder();
      let idleTimer: NodeJS.Timeout | undefined;
      const close = () => {
        closedByClient = true;
        response.destroy();
        finish();
      };
      const streamTimer = isStream ? setTimeout(close, limits.streamMs) : undefined;
      const finish = () => {
        clearTimeout(streamTimer);
        clearTimeout(idleTimer);
        settle({ outcome: 'answered', status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8'), events: isStream ? events : null, closedByClient });
      };
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY) chunks.push(chunk);
        if (isStream) {
          parser.feed(decoder.decode(chunk, { stream: true }));
          clearTimeout(idleTimer);
          if (events.length > 0) idleTimer = setTimeout(close, limits.streamIdleMs);
        }
      });
      response.on('end', finish);
      response.on('error', () => (closedByClient ? undefined : settle({ outcome: 'no-answer', reason: 'the answer broke off before its end' })));
      response.on('aborted', () => (closedByClient ? undefined : settle({ outcome: 'no-answer', reason: 'the server closed the connection mid-answer' })));
    });
    if (request.body === null) {
      outgoing.end();
    } else if (request.framing === 'abort') {
      // Sends the body, announced 1,000 bytes longer than it is, then goes away.
      outgoing.write(request.body, () =>
        setTimeout(() => {
          outgoing.destroy();
          settle({ outcome: 'aborted' });
        }, 30),
      );
    } else {
      outgoing.end(request.body);
    }
  });
}
