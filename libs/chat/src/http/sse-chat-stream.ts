import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSession, EventBuffer, type Session } from 'better-sse';
import type { ChatEvent, ChatStarted } from '../commands/send-message/chat-events';

const PING_WHEN_IDLE_MS = 15_000;
const SESSION_OPTIONS = {
  keepAlive: null,
  retry: null,
  trustClientEventId: false,
  headers: { 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' },
};

/**
 * One chat answer as an SSE stream (better-sse does the framing and notices the client
 * leaving). Its own keep-alive is off: API.md promises a `: ping` comment after 15 s of silence.
 *
 * Every event is sent as its own SSE event, but the events of one turn of the event loop leave
 * in one socket write: a write per token cost more CPU than composing the answer.
 */
export class SseChatStream {
  private readonly gone = new AbortController();
  private pending: EventBuffer | null = null;
  private idle: NodeJS.Timeout | null = null;
  private lastWriteAt = Date.now();
  private sequence = 0;

  private constructor(
    private readonly session: Session,
    private readonly requestId: string,
  ) {
    session.once('disconnected', () => {
      this.pending = null;
      this.stopPinging();
      this.gone.abort();
    });
    this.armPing(PING_WHEN_IDLE_MS);
  }

  /**
   * Writes an answer as SSE: `meta`, then its events until they end or the client goes away,
   * which ends the answer (the events' reader leaving is how the answer learns of it).
   */
  static async serve(req: IncomingMessage, res: ServerResponse, requestId: string, { ids, events }: ChatStarted): Promise<void> {
    const iterator = events[Symbol.asyncIterator]();
    let stream: SseChatStream;
    try {
      stream = new SseChatStream(await createSession(req, res, SESSION_OPTIONS), requestId);
    } catch (error) {
      await iterator.return?.();
      throw error;
    }
    stream.send('meta', ids);
    const leave = () => void iterator.return?.();
    stream.gone.signal.addEventListener('abort', leave, { once: true });
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) stream.write(next.value);
    } finally {
      stream.gone.signal.removeEventListener('abort', leave);
      stream.end(res);
    }
  }

  private write(event: ChatEvent) {
    this.send(event.event, event.event === 'error' ? { ...event.data, requestId: this.requestId } : event.data);
  }

  private end(res: ServerResponse) {
    this.flush();
    this.stopPinging();
    if (!res.writableEnded) res.end();
  }

  private send(event: string, data: unknown) {
    if (!this.session.isConnected) return;
    if (!this.pending) {
      this.pending = new EventBuffer();
      setImmediate(this.flush);
    }
    this.pending.push(data, event, String(++this.sequence));
  }

  private readonly flush = () => {
    const pending = this.pending;
    this.pending = null;
    if (!pending || !this.session.isConnected) return;
    void this.session.batch(pending);
    this.lastWriteAt = Date.now();
  };

  // One timer per stream, re-armed when it fires, rather than one per event.
  private armPing(delayMs: number) {
    this.idle = setTimeout(() => {
      if (!this.session.isConnected) return;
      const idleFor = Date.now() - this.lastWriteAt;
      if (idleFor < PING_WHEN_IDLE_MS) return this.armPing(PING_WHEN_IDLE_MS - idleFor);
      void this.session.batch((buffer) => {
        buffer.comment('ping').dispatch();
      });
      this.lastWriteAt = Date.now();
      this.armPing(PING_WHEN_IDLE_MS);
    }, delayMs);
  }

  private stopPinging() {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
  }
}
