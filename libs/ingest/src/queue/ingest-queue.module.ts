import { Module } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { PlatformModule } from '@app/platform';
import { INGEST_QUEUE } from '../jobs/ingest-jobs';
import { IngestQueue } from '../ingest.ports';
import { BullmqIngestQueue } from './bullmq-ingest-queue';
import { IngestQueueMetrics } from './ingest-queue.metrics';

/** The producer side of the ingestion queue, for the API and the worker alike. */
@Module({
  imports: [PlatformModule], // for Metrics
  providers: [
    BullmqIngestQueue,
    { provide: IngestQueue, useExisting: BullmqIngestQueue },
    // The queue under @nestjs/bullmq's token, where Bull Board's Nest module looks queues up.
    { provide: getQueueToken(INGEST_QUEUE), inject: [BullmqIngestQueue], useFactory: (producer: BullmqIngestQueue) => producer.queue },
    IngestQueueMetrics,
  ],
  exports: [IngestQueue, BullmqIngestQueue, getQueueToken(INGEST_QUEUE)],
})
export class IngestQueueModule {}
