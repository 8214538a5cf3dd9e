import { Injectable, Logger } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { IngestionFiles, IngestQueue } from '../ingest.ports';

/**
 * Makes the queue agree with the file registry: a file that should be ingesting but has no
 * job (the API could not reach Redis, or Redis lost its data) gets its job back, and a
 * soft-deleted file gets its purge. Adding a job that exists is a no-op, so every worker may run this.
 */
@Injectable()
export class IngestReconciler {
  private readonly logger = new Logger(IngestReconciler.name);

  constructor(
    private readonly files: IngestionFiles,
    private readonly queue: IngestQueue,
    private readonly orm: MikroORM,
  ) {}

  reconcile(): Promise<{ requeued: number; purges: number }> {
    return RequestContext.create(this.orm.em, async () => {
      let requeued = 0;
      for (const fileId of await this.files.listUnsettled()) {
        if (await this.queue.hasPendingFileJob(fileId)) continue;
        await this.queue.enqueueFile(fileId);
        requeued++;
      }
      const deleted = await this.files.listDeleted();
      for (const fileId of deleted) await this.queue.enqueuePurge(fileId);
      if (requeued || deleted.length) this.logger.log(`Re-added ${requeued} ingestion job(s) and ${deleted.length} purge(s)`);
      return { requeued, purges: deleted.length };
    });
  }
}
