/**
 * Events pushed by a running answer, read with `for await`. Unlike an async generator, `return()`
 * takes effect while a read is still waiting, so a reader that goes away ends the answer at once
 * rather than at its next event.
 */
export class EventChannel<T> implements AsyncIterable<T> {
  private readonly queued: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private closed = false;

  /** `onCancel` runs once if the reader leaves before the channel is closed. */
  constructor(private readonly onCancel: () => void) {}

  push(value: T): void {
    if (this.closed) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = null;
      waiting({ value, done: false });
    } else {
      this.queued.push(value);
    }
  }

  /** No more events; the reader gets what is queued, then the end. */
  close(): void {
    this.closed = true;
    this.release();
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        if (this.queued.length > 0) return Promise.resolve({ value: this.queued.shift()!, done: false });
        if (this.closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (this.waiting = resolve));
      },
      return: () => {
        if (!this.closed) {
          this.closed = true;
          this.queued.length = 0;
          this.onCancel();
        }
        this.release();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }

  private release() {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.({ value: undefined, done: true });
  }
}
