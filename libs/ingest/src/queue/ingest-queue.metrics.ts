import { Injectable, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { Metrics } from '@app/platform';
import { BullmqIngestQueue } from './bullmq-ingest-queue';

/** `ingest_queue_jobs{state}`: read from Redis at scrape time, so every API process reports the same depth. */
@Injectable()
export class IngestQueueMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly queue: BullmqIngestQueue,
  ) {}

  onModuleInit() {
    const queue = this.queue;
    new Gauge({
      name: 'ingest_queue_jobs',
      help: 'Ingestion jobs not yet finished, by state',
      labelNames: ['state'] as const,
      registers: [this.metrics.registry],
      async collect() {
        const counts = await queue.depth().catch(() => null);
        if (!counts) return;
        for (const [state, count] of Object.entries(counts)) this.set({ state }, count);
      },
    });
  }
}
