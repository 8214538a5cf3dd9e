import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSession, EventBuffer, type Session } from 'better-sse';
import type { AgentStatus, AnswerUsage, Citation, FinishReason } from '../agent/answer-graph.deps';
import type { ChatEventSink, ChatTurnIds } from '../commands/send-message/chat-turn';

const PING_WHEN_IDLE_MS = 15_000;

/**
 * One chat answer as an SSE stream (better-sse does the framing and notices the client
 * leaving). Its own keep-alive is off: API.md promises a `: ping` comment after 15 s of silence.
 *
 * Every event is sent as its own SSE event, but the events of one turn of the event loop leave
 * in one socket write: a write per token cost more CPU than composing the answer.
 */
export class SseChatStream implements ChatEventSink {
  private readonly gone = new AbortController();
  private pending: EventBuffer | null = null;
  private idle: NodeJS.Timeout | null = null;
  private lastWriteAt = Date.now();
  private sequence = 0;

  private constructor(private readonly session: Session, private readonly requestId: string) {
    session.once('disconnected', () => {
      this.pending = null;
      this.stopPinging();
      this.gone.abort();
    });
    this.armPing(PING_WHEN_IDLE_MS);
  }

  static async open(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<SseChatStream> {
    const session = await createSession(req, res, {
      keepAlive: null,
      retry: null,
      trustClientEventId: false,
      headers: { 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' },
    });
    return new SseChatStream(session, requestId);
  }

  /** Aborts when the client goes away. */
  get clientGone(): AbortSignal {
    return this.gone.signal;
  }

  meta(ids: ChatTurnIds) {
    this.send('meta', ids);
  }

  status(status: AgentStatus) {
    this.send('status', status);
  }

  token(text: string) {
    this.send('token', { text });
  }

  citations(citations: Citation[]) {
    this.send('citations', { citations });
  }

  done(done: { assistantMessageId: string; finishReason: FinishReason; usage?: AnswerUsage }) {
    this.send('done', done);
  }

  error(error: { code: string; message: string }) {
    this.send('error', { ...error, requestId: this.requestId });
  }

  end(res: ServerResponse) {
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
