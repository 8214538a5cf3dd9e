/** Timings of a chat turn; defaults suit production, tests shorten them. */
export class ChatSettings {
  constructor(
    /** The answer row is never more than this behind the stream. */
    readonly flushEveryMs = 1000,
    /** Well inside the stream lease, so a live stream never loses its slot. */
    readonly leaseRenewEveryMs = 20_000,
    /** On shutdown, how long running answers may go on before they are ended (CHAT_SHUTDOWN_GRACE_MS). */
    readonly shutdownGraceMs = 10_000,
  ) {}
}
