import { Injectable, Logger } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { VectorSpaces } from '@app/retrieval';
import { IngestionFiles, IngestQueue } from '../ingest.ports';

/**
 * Makes the queue agree with the file registry: a file that should be ingesting but has no
 * job (the API could not reach Redis, or Redis lost its data) gets its job back, and a
 * soft-deleted file gets its purge. A vector space being built gets its re-embed job back (one
 * that paused for a shutdown, or was never added), and collections of retired spaces that a
 * crash left behind are dropped. Adding a job that exists is a no-op, so every worker may run this.
 */
@Injectable()
export class IngestReconciler {
  private readonly logger = new Logger(IngestReconciler.name);

  constructor(
    private readonly files: IngestionFiles,
    private readonly queue: IngestQueue,
    private readonly spaces: VectorSpaces,
    private readonly orm: MikroORM,
  ) {}

  reconcile(): Promise<{ requeued: number; purges: number; reembeds: number }> {
    return RequestContext.create(this.orm.em, async () => {
      let requeued = 0;
      for (const fileId of await this.files.listUnsettled()) {
        if (await this.queue.hasPendingFileJob(fileId)) continue;
        await this.queue.enqueueFile(fileId);
        requeued++;
      }
      const deleted = await this.files.listDeleted();
      for (const fileId of deleted) await this.queue.enqueuePurge(fileId);
      let reembeds = 0;
      for (const space of await this.spaces.active()) {
        if (space.state !== 'building' || (await this.queue.hasPendingReembedJob(space.id))) continue;
        await this.queue.enqueueReembed(space.id);
        reembeds++;
      }
      await this.spaces.dropUnused();
      if (requeued || deleted.length || reembeds) this.logger.log(`Re-added ${requeued} ingestion job(s), ${deleted.length} purge(s) and ${reembeds} re-embed(s)`);
      return { requeued, purges: deleted.length, reembeds };
    });
  }
}
