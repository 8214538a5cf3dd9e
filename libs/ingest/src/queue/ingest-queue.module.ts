import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { AppConfig, PlatformModule } from '@app/platform';
import { INGEST_QUEUE } from '../jobs/ingest-jobs';
import { IngestQueue } from '../ingest.ports';
import { BullmqIngestQueue } from './bullmq-ingest-queue';
import { IngestQueueMetrics } from './ingest-queue.metrics';

/**
 * The ingestion queue (`getQueueToken('ingest')`, where the worker's processor and Bull Board find
 * it) and its producer, for the API and the worker alike. The connection comes from the process's
 * `queueConnectionFor(role)`.
 */
@Module({
  imports: [
    PlatformModule, // for Metrics
    BullModule.registerQueueAsync({
      name: INGEST_QUEUE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        defaultJobOptions: {
          attempts: config.get('INGEST_ATTEMPTS'),
          backoff: { type: 'exponential', delay: 1000 },
          // Finished jobs leave Redis so that a reindex can add the same job id again; the file row
          // keeps the outcome.
          removeOnComplete: true,
          removeOnFail: true,
        },
      }),
    }),
  ],
  providers: [BullmqIngestQueue, { provide: IngestQueue, useExisting: BullmqIngestQueue }, IngestQueueMetrics],
  exports: [IngestQueue, BullModule],
})
export class IngestQueueModule {}
