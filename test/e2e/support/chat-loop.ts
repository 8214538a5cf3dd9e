import { SseReader } from './sse-client';

export interface ChatOutcome {
  startedAt: number;
  endedAt: number;
  status: number;
  /** The event names in order, e.g. "meta status token citations done". */
  events: string;
  fileIds: string[];
  chunkIds: string[];
  answer: string;
}

/**
 * Asks the same question again and again, one chat at a time, as a user would during
 * maintenance, and keeps every outcome: a test then checks each one, not only the last.
 */
export class ChatLoop {
  readonly outcomes: ChatOutcome[] = [];
  private running = false;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly chatUrl: string,
    private readonly auth: Record<string, string>,
    private readonly message: string,
  ) {}

  start(): this {
    this.running = true;
    this.done = this.loop();
    return this;
  }

  /** Lets the chat in flight finish, then stops. */
  async stop(): Promise<ChatOutcome[]> {
    this.running = false;
    await this.done;
    return this.outcomes;
  }

  /** Resolves once this many more chats have finished. */
  async more(count: number, timeoutMs = 60_000): Promise<void> {
    const target = this.outcomes.length + count;
    const deadline = Date.now() + timeoutMs;
    while (this.outcomes.length < target) {
      if (!this.running) throw new Error('the chat loop is not running');
      if (Date.now() > deadline) throw new Error(`only ${this.outcomes.length - target + count} of ${count} more chats within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async loop() {
    while (this.running) this.outcomes.push(await ChatLoop.ask(this.chatUrl, this.auth, this.message));
  }

  /** One chat, to its end. */
  static async ask(chatUrl: string, auth: Record<string, string>, message: string): Promise<ChatOutcome> {
    const startedAt = Date.now();
    const stream = await SseReader.post(chatUrl, auth, { message });
    if (stream.status === 200) await stream.all(30_000);
    const citations = (stream.events.find((e) => e.event === 'citations')?.data.citations ?? []) as Array<{ fileId: string; chunkId: string }>;
    return {
      startedAt,
      endedAt: Date.now(),
      status: stream.status,
      events: stream.names().join(' '),
      fileIds: [...new Set(citations.map((c) => c.fileId))],
      chunkIds: citations.map((c) => c.chunkId),
      answer: stream.text(),
    };
  }
}
