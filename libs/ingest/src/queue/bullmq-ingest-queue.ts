import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppConfig } from '@app/platform';
import { INGEST_QUEUE, IngestJob } from '../jobs/ingest-jobs';
import { IngestQueue } from '../ingest.ports';
import { bullConnection } from './redis-connection';

const PENDING_STATES = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);
// Each attempt resumes where the last one stopped, so these are for faults that outlast one
// attempt's backoff (the vector store restarting), not for redoing work.
const REEMBED_ATTEMPTS = 5;
const reembedJobId = (spaceId: string) => `reembed-${spaceId}`;

@Injectable()
export class BullmqIngestQueue extends IngestQueue implements OnApplicationShutdown {
  private readonly connection: Redis;
  readonly queue: Queue;

  constructor(config: AppConfig) {
    super();
    this.connection = bullConnection(config.get('REDIS_URL'), 'producer');
    this.queue = new Queue(INGEST_QUEUE, {
      connection: this.connection,
      defaultJobOptions: {
        attempts: config.get('INGEST_ATTEMPTS'),
        backoff: { type: 'exponential', delay: 1000 },
        // Finished jobs leave Redis so that a reindex can add the same job id again; the file row
        // keeps the outcome.
        removeOnComplete: true,
        removeOnFail: true,
      },
    });
    // Without a listener BullMQ prints every failed reconnect with console.error; the connection
    // already reports an outage once through the logger (createRedisConnection).
    this.queue.on('error', () => undefined);
  }

  async enqueueFile(fileId: string): Promise<void> {
    await this.queue.add(IngestJob.file, { fileId }, { jobId: fileId });
  }

  async enqueuePurge(fileId: string): Promise<void> {
    await this.queue.add(IngestJob.purge, { fileId }, { jobId: `purge-${fileId}`, attempts: 10 });
  }

  async enqueueReembed(spaceId: string): Promise<void> {
    await this.queue.add(IngestJob.reembed, { spaceId }, { jobId: reembedJobId(spaceId), attempts: REEMBED_ATTEMPTS });
  }

  hasPendingFileJob(fileId: string): Promise<boolean> {
    return this.hasPendingJob(fileId);
  }

  hasPendingReembedJob(spaceId: string): Promise<boolean> {
    return this.hasPendingJob(reembedJobId(spaceId));
  }

  private async hasPendingJob(jobId: string): Promise<boolean> {
    const job = await this.queue.getJob(jobId);
    return job ? PENDING_STATES.has(await job.getState()) : false;
  }

  /** Jobs not yet finished, by state; read by the queue-depth gauge. */
  depth() {
    return this.queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
  }

  async onApplicationShutdown() {
    await this.queue.close();
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
