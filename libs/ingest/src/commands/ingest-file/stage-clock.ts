import type { IngestionTimings, IngestStage } from '../../ingest.ports';

/** Times consecutive stages of one run: entering a stage ends the one before it. */
export class StageClock {
  private current: { stage: IngestStage; startedAt: number } | null = null;

  constructor(private readonly timings: IngestionTimings) {}

  enter(stage: IngestStage): void {
    if (this.current?.stage === stage) return;
    this.finish();
    this.current = { stage, startedAt: performance.now() };
  }

  finish(): void {
    if (!this.current) return;
    this.timings.stageFinished(this.current.stage, secondsSince(this.current.startedAt));
    this.current = null;
  }
}

export const secondsSince = (startedAt: number) => (performance.now() - startedAt) / 1000;
