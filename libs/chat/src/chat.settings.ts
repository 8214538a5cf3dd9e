/** Timings of a chat turn; defaults suit production, tests shorten them. */
export class ChatSettings {
  constructor(
    /** The answer row is never more than this behind the stream. */
    readonly flushEveryMs = 1000,
    /** Well inside the stream lease, so a live stream never loses its slot. */
    readonly leaseRenewEveryMs = 20_000,
  ) {}
}
