import { createParser } from 'eventsource-parser';

export interface SseEvent {
  event: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
}

/** A real SSE reader over fetch: events arrive as the server flushes them, and `abort()` hangs up. */
export class SseReader {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  private waiters: Array<() => void> = [];
  private finished = false;
  private readonly controller = new AbortController();
  status = 0;
  headers = new Headers();
  /** The parsed body when the server answered JSON instead of a stream. */
  json: unknown = null;

  static async post(url: string, auth: Record<string, string>, body: unknown): Promise<SseReader> {
    const reader = new SseReader();
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(body),
      signal: reader.controller.signal,
    });
    reader.status = response.status;
    reader.headers = response.headers;
    if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
      reader.json = await response.json();
      reader.finish();
      return reader;
    }
    void reader.consume(response.body!);
    return reader;
  }

  /** Resolves once an event of this name (or the end of the stream) has arrived. */
  async until(event: string, timeoutMs = 20_000): Promise<SseEvent | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find((e) => e.event === event);
      if (found || this.finished) return found;
      if (Date.now() > deadline) throw new Error(`no ${event} event within ${timeoutMs} ms; got ${this.names().join(', ')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  async all(timeoutMs = 30_000): Promise<SseEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (!this.finished) {
      if (Date.now() > deadline) throw new Error(`stream did not end within ${timeoutMs} ms; got ${this.names().join(', ')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return this.events;
  }

  names(): string[] {
    return this.events.map((e) => e.event);
  }

  text(): string {
    return this.events
      .filter((e) => e.event === 'token')
      .map((e) => e.data.text)
      .join('');
  }

  abort() {
    this.controller.abort();
  }

  private async consume(body: ReadableStream<Uint8Array>) {
    const parser = createParser({
      onEvent: (message) => {
        this.events.push({ event: message.event ?? 'message', data: JSON.parse(message.data) });
        this.wake();
      },
      onComment: (comment) => this.comments.push(comment),
    });
    const decoder = new TextDecoder();
    try {
      for await (const chunk of body) parser.feed(decoder.decode(chunk, { stream: true }));
    } catch {
      // aborted by the test
    }
    this.finish();
  }

  private finish() {
    this.finished = true;
    this.wake();
  }

  private wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
