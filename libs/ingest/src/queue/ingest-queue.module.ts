import { Module } from '@nestjs/common';
import { PlatformModule } from '@app/platform';
import { IngestQueue } from '../ingest.ports';
import { BullmqIngestQueue } from './bullmq-ingest-queue';
import { IngestQueueMetrics } from './ingest-queue.metrics';

/** The producer side of the ingestion queue, for the API and the worker alike. */
@Module({
  imports: [PlatformModule], // for Metrics
  providers: [BullmqIngestQueue, { provide: IngestQueue, useExisting: BullmqIngestQueue }, IngestQueueMetrics],
  exports: [IngestQueue, BullmqIngestQueue],
})
export class IngestQueueModule {}
