import { Injectable } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { Metrics } from '@app/platform';
import { IngestionTimings, type IngestionOutcome, type IngestStage } from '../ingest.ports';

// From a small text file's parse to a large PDF's embedding on a slow provider.
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

/** `ingest_stage_duration_seconds{stage}` and `ingest_file_duration_seconds{outcome}` in this process's registry. */
@Injectable()
export class PrometheusIngestionTimings extends IngestionTimings {
  private readonly stages: Histogram<'stage'>;
  private readonly files: Histogram<'outcome'>;

  constructor(metrics: Metrics) {
    super();
    this.stages = new Histogram({
      name: 'ingest_stage_duration_seconds',
      help: 'Time spent in each ingestion stage of a file (parsing, chunking, embedding, indexing)',
      labelNames: ['stage'],
      buckets: BUCKETS,
      registers: [metrics.registry],
    });
    this.files = new Histogram({
      name: 'ingest_file_duration_seconds',
      help: 'Time of one ingestion attempt at one file, by outcome (ready, retrying, failed)',
      labelNames: ['outcome'],
      buckets: BUCKETS,
      registers: [metrics.registry],
    });
  }

  stageFinished(stage: IngestStage, seconds: number): void {
    this.stages.observe({ stage }, seconds);
  }

  fileFinished(outcome: IngestionOutcome, seconds: number): void {
    this.files.observe({ outcome }, seconds);
  }
}
