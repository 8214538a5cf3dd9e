import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IngestQueue } from '@app/ingest';
import { CorpusVersion } from '@app/retrieval';
import { FileNotFound } from '../../domain/files-errors';
import { FileRepository } from '../../files.ports';
import { DeleteFile } from './delete-file.command';

/**
 * Soft-deletes at once, so the file stops being listed and retrieved before this returns; the
 * purge job then removes bytes, chunks and vectors. The corpus version moves now so no cached
 * search result still carries the file.
 */
@CommandHandler(DeleteFile)
export class DeleteFileHandler implements ICommandHandler<DeleteFile> {
  private readonly logger = new Logger(DeleteFileHandler.name);

  constructor(
    private readonly files: FileRepository,
    private readonly queue: IngestQueue,
    private readonly corpusVersion: CorpusVersion,
  ) {}

  async execute({ actor, fileId }: DeleteFile) {
    const file = await this.files.findById(fileId);
    if (!file || !file.isVisibleTo(actor)) throw new FileNotFound(fileId);
    file.markDeleted(new Date());
    await this.files.save(file);
    await this.corpusVersion.bump();
    await this.queue.enqueuePurge(file.id).catch((error: unknown) => {
      this.logger.warn(`Could not queue the purge of ${file.id} yet; the reconciler will: ${(error as Error).message}`);
    });
  }
}
