import { Command } from '@nestjs/cqrs';

export type IngestFileResult = { outcome: 'ready'; chunkCount: number } | { outcome: 'skipped' };

/** Runs one attempt of a file's ingestion; `attempt` counts from 1. */
export class IngestFile extends Command<IngestFileResult> {
  constructor(
    readonly fileId: string,
    readonly attempt: number,
    readonly maxAttempts: number,
    /** Also told every progress step, e.g. the queue job's own progress. */
    readonly onProgress: (progress: number) => Promise<void> = async () => {},
  ) {
    super();
  }
}
