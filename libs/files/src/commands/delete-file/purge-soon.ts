import { Injectable, Logger } from '@nestjs/common';
import { IngestQueue } from '@app/ingest';
import { CorpusVersion } from '@app/retrieval';

/**
 * The second half of deleting files, once their rows say deleted: the corpus version moves so no
 * cached search result still carries them, and the purge job removes bytes, chunks and vectors.
 */
@Injectable()
export class PurgeSoon {
  private readonly logger = new Logger(PurgeSoon.name);

  constructor(
    private readonly queue: IngestQueue,
    private readonly corpusVersion: CorpusVersion,
  ) {}

  async of(fileIds: readonly string[]): Promise<void> {
    if (fileIds.length === 0) return;
    await this.corpusVersion.bump();
    for (const fileId of fileIds) {
      await this.queue.enqueuePurge(fileId).catch((error: unknown) => {
        this.logger.warn(`Could not queue the purge of ${fileId} yet; the reconciler will: ${(error as Error).message}`);
      });
    }
  }
}
