import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { VectorSpace } from '@app/retrieval';
import { IngestionFiles, IngestQueue } from '../../ingest.ports';
import { ReembedCorpus } from './reembed-corpus.command';

@CommandHandler(ReembedCorpus)
export class ReembedCorpusHandler implements ICommandHandler<ReembedCorpus> {
  constructor(
    private readonly vectors: VectorSpace,
    private readonly files: IngestionFiles,
    private readonly queue: IngestQueue,
  ) {}

  // Chunk rows stay in PostgreSQL meanwhile, so full text search keeps answering during a re-embed.
  async execute() {
    await this.vectors.reset();
    const fileIds = await this.files.requeueAll();
    for (const fileId of fileIds) await this.queue.enqueueFile(fileId);
    return { requeued: fileIds.length };
  }
}
