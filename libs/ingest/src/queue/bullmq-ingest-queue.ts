import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { INGEST_QUEUE, IngestJob } from '../jobs/ingest-jobs';
import { IngestQueue } from '../ingest.ports';

const PENDING_STATES = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);
// Each attempt resumes where the last one stopped, so these are for faults that outlast one
// attempt's backoff (the vector store restarting), not for redoing work.
const REEMBED_ATTEMPTS = 5;
const reembedJobId = (spaceId: string) => `reembed-${spaceId}`;

/** Adds the ingestion jobs; the job id of a file's job is the file id, so adding it twice is a no-op. */
@Injectable()
export class BullmqIngestQueue extends IngestQueue {
  constructor(@InjectQueue(INGEST_QUEUE) private readonly queue: Queue) {
    super();
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
}
