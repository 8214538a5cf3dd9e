import { Logger } from '@nestjs/common';
import type { AssistantOutcome, MessageRepository } from '@app/conversations';

/** The answer text as it streams, written to its message row at most `flushEveryMs` behind. */
export class AnswerDraft {
  private readonly logger = new Logger(AnswerDraft.name);
  private text = '';
  private saved = '';
  private writes: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly messages: MessageRepository,
    private readonly messageId: string,
    flushEveryMs: number,
  ) {
    this.timer = setInterval(() => this.flush(), flushEveryMs);
  }

  append(text: string): void {
    this.text += text;
  }

  content(): string {
    return this.text;
  }

  async finish(outcome: Omit<AssistantOutcome, 'content'> & { content?: string }): Promise<void> {
    clearInterval(this.timer);
    await this.writes;
    await this.messages.finish(this.messageId, { ...outcome, content: outcome.content ?? this.text }, new Date());
  }

  private flush(): void {
    if (this.text === this.saved) return;
    const snapshot = this.text;
    // Writes are chained so an older snapshot can never land after a newer one.
    this.writes = this.writes
      .then(() => this.messages.saveProgress(this.messageId, snapshot, new Date()))
      .then(() => {
        this.saved = snapshot;
      })
      .catch((error: unknown) => this.logger.warn({ err: error, messageId: this.messageId }, 'saving answer progress failed'));
  }
}
