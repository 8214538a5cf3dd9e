import type { IngestStage } from '../../ingest.ports';

type ProgressWrite = (stage: IngestStage, progress: number) => Promise<void>;

/**
 * Keeps a running file's stage, progress and `lastProgressAt` current without a registry write
 * per step. A step is written at once when the last write is at least `intervalMs` old;
 * otherwise the latest step waits for the next tick, and every tick writes, so a long step
 * still shows the file alive. A file that finishes within its first interval writes nothing
 * between `processing` and `ready`. A failed write fails the run at its next step or at `stop`.
 */
export class ProgressHeartbeat {
  private latest: { stage: IngestStage; progress: number } | null = null;
  private lastWriteAt = Date.now();
  private writing: Promise<void> | null = null;
  private failure: unknown = null;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly write: ProgressWrite,
    private readonly intervalMs: number,
  ) {
    this.timer = setInterval(() => void this.writeLatest(), Math.max(intervalMs, 1));
    this.timer.unref();
  }

  async report(stage: IngestStage, progress: number): Promise<void> {
    this.throwIfFailed();
    this.latest = { stage, progress };
    if (!this.writing && Date.now() - this.lastWriteAt >= this.intervalMs) await this.writeLatest();
    this.throwIfFailed();
  }

  /** Ends the ticks and waits for a write in flight, so that nothing lands after the outcome. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.writing;
    this.throwIfFailed();
  }

  private async writeLatest(): Promise<void> {
    if (!this.latest || this.writing || this.failure) return;
    const { stage, progress } = this.latest;
    this.lastWriteAt = Date.now();
    this.writing = this.write(stage, progress).then(
      () => {
        this.writing = null;
      },
      (error: unknown) => {
        this.writing = null;
        this.failure = error;
      },
    );
    await this.writing;
  }

  private throwIfFailed() {
    if (this.failure) throw this.failure;
  }
}
