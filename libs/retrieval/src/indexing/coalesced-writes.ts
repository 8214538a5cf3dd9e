type Waiter<R> = { records: readonly R[]; resolve: () => void; reject: (error: unknown) => void };

/**
 * Gathers the writes that arrive within a short window, or while a write is in flight, into
 * one call of `write`. Each request costs the vector store a roughly fixed amount whatever its
 * size, so files ingested side by side share requests instead of queuing for one each.
 * Every caller settles with its own batch: resolved once written, rejected if the batch fails.
 */
export class CoalescedWrites<R> {
  private waiting: Array<Waiter<R>> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing = false;

  constructor(
    private readonly write: (records: R[]) => Promise<void>,
    private readonly options: { windowMs: number; maxRecords: number },
  ) {}

  /** Resolves when these records are written, together with whatever else was waiting. */
  add(records: readonly R[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ records, resolve, reject });
      if (!this.writing && !this.timer) this.timer = setTimeout(() => void this.drain(), this.options.windowMs);
    });
  }

  private async drain(): Promise<void> {
    this.timer = null;
    this.writing = true;
    while (this.waiting.length > 0) {
      const batch = this.takeBatch();
      try {
        await this.write(batch.flatMap((waiter) => waiter.records));
        batch.forEach((waiter) => waiter.resolve());
      } catch (error) {
        batch.forEach((waiter) => waiter.reject(error));
      }
    }
    this.writing = false;
  }

  /** Whole callers only, up to maxRecords; a caller larger than that goes alone. */
  private takeBatch() {
    let records = 0;
    let count = 0;
    while (count < this.waiting.length && (count === 0 || records + this.waiting[count].records.length <= this.options.maxRecords)) {
      records += this.waiting[count].records.length;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }
}
