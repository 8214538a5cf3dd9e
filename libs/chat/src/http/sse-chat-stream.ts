import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSession, type Session } from 'better-sse';
import type { AgentStatus, AnswerUsage, Citation, FinishReason } from '../agent/answer-graph.deps';
import type { ChatEventSink, ChatTurnIds } from '../commands/send-message/chat-turn';

const PING_WHEN_IDLE_MS = 15_000;

/**
 * One chat answer as an SSE stream (better-sse does the framing and notices the client
 * leaving). Its own keep-alive is off: API.md promises a `: ping` comment after 15 s of silence.
 */
export class SseChatStream implements ChatEventSink {
  private readonly gone = new AbortController();
  private idle: NodeJS.Timeout | null = null;
  private sequence = 0;

  private constructor(
    private readonly session: Session,
    private readonly requestId: string,
  ) {
    session.once('disconnected', () => {
      this.stopPinging();
      this.gone.abort();
    });
    this.armPing();
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
    this.stopPinging();
    if (!res.writableEnded) res.end();
  }

  private send(event: string, data: unknown) {
    if (!this.session.isConnected) return;
    this.session.push(data, event, String(++this.sequence));
    this.armPing();
  }

  private armPing() {
    this.stopPinging();
    this.idle = setTimeout(() => {
      if (!this.session.isConnected) return;
      void this.session.batch((buffer) => {
        buffer.comment('ping').dispatch();
      });
      this.armPing();
    }, PING_WHEN_IDLE_MS);
  }

  private stopPinging() {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
  }
}
