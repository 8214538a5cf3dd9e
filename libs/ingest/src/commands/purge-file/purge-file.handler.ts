import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ChunkIndex } from '@app/retrieval';
import { IngestionFiles } from '../../ingest.ports';
import { PurgeFile } from './purge-file.command';

@CommandHandler(PurgeFile)
export class PurgeFileHandler implements ICommandHandler<PurgeFile> {
  constructor(
    private readonly index: ChunkIndex,
    private readonly files: IngestionFiles,
  ) {}

  // The row goes last: while it exists (soft-deleted) a failed purge can be found and retried.
  async execute({ fileId }: PurgeFile) {
    await this.index.deleteFileChunks(fileId);
    await this.files.purge(fileId);
  }
}
