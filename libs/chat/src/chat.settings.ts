/** Timings of a chat turn; defaults suit production, tests shorten them. */
export class ChatSettings {
  /** The answer row is never more than this behind the stream. */
  readonly flushEveryMs: number;
  /** Well inside the stream lease, so a live stream never loses its slot. */
  readonly leaseRenewEveryMs: number;
  /** On shutdown, how long running answers may go on before they are ended (CHAT_SHUTDOWN_GRACE_MS). */
  readonly shutdownGraceMs: number;

  /** The most of the conversation's earlier turns the model is given, in estimated tokens (CHAT_HISTORY_MAX_TOKENS). */
  readonly historyMaxTokens: number;

  /** How long an answer waits for an attachment it was asked with to be ingested (ATTACHMENT_WAIT_MS). */
  readonly attachmentWaitMs: number;
  /** How often, meanwhile, the attachment's status is read again. */
  readonly attachmentPollMs: number;

  constructor({ flushEveryMs = 1000, leaseRenewEveryMs = 20_000, shutdownGraceMs = 10_000, historyMaxTokens = 2000, attachmentWaitMs = 30_000, attachmentPollMs = 500 }: Partial<ChatSettings> = {}) {
    this.historyMaxTokens = historyMaxTokens;
    this.attachmentWaitMs = attachmentWaitMs;
    this.attachmentPollMs = attachmentPollMs;
    this.flushEveryMs = flushEveryMs;
    this.leaseRenewEveryMs = leaseRenewEveryMs;
    this.shutdownGraceMs = shutdownGraceMs;
  }
}
