import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { setTimeout as sleep, setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { EmbeddingModels, UnknownEmbeddingModel, type EmbeddingModel } from '@app/llm';
import { VectorBackfill, VectorSpaces, type BackfillFile, type VectorSpaceInfo } from '@app/retrieval';
import { embeddingInput } from '../../domain/embedding-input';
import { EmbeddingModelMismatch } from '../../domain/ingestion-outcome';
import { ReembedCorpus } from './reembed-corpus.command';
import { ReembedSettings } from './reembed-settings';

// Files published behind the pass's cursor while it ran are found by the next pass; a switch
// refused this many times in a row with nothing left to copy means the two disagree.
const REFUSED_SWITCHES = 3;

/**
 * Builds the new space beside the live one, which keeps answering every search until one
 * transaction switches them; the old collection is dropped after. Nothing is parsed again: the
 * chunks come from PostgreSQL. Progress is the set of file generations the new space holds, so a
 * run stopped anywhere (a restart, a crash) resumes at the first file it lacks, and a batch
 * written twice upserts the same ids. Files ingested meanwhile are written to both spaces by
 * ingestion itself.
 */
@CommandHandler(ReembedCorpus)
export class ReembedCorpusHandler implements ICommandHandler<ReembedCorpus> {
  private readonly logger = new Logger(ReembedCorpusHandler.name);

  constructor(
    private readonly spaces: VectorSpaces,
    private readonly backfill: VectorBackfill,
    private readonly models: EmbeddingModels,
    private readonly settings: ReembedSettings,
  ) {}

  async execute({ spaceId, stop }: ReembedCorpus) {
    const space = await this.spaces.find(spaceId);
    if (!space || space.state !== 'building') return { outcome: 'skipped' as const }; // finished, failed, or not this deployment's
    const model = this.modelOf(space);
    this.logger.log(`Re-embed into "${space.collection}" with ${space.modelId}: resuming from what it holds`);
    let after: string | null = null;
    let refused = 0;
    for (;;) {
      if (stop?.aborted) return { outcome: 'paused' as const };
      const files = await this.backfill.pending(space.id, after, this.settings.batchChunks);
      if (files.length > 0) {
        await this.backfill.store(space, files, await this.embed(model, files));
        const chunks = files.reduce((sum, { chunks: fileChunks }) => sum + fileChunks.length, 0);
        this.logger.log(`Re-embed into "${space.collection}": ${chunks} chunks of ${files.length} files embedded`);
        after = files[files.length - 1].file.id;
        refused = 0;
        await this.pause(stop);
        continue;
      }
      if (after !== null) {
        after = null; // one more pass from the start, for files that went live behind the cursor
        continue;
      }
      const outcome = await this.spaces.complete(space.id);
      if (outcome === 'not_building') return { outcome: 'skipped' as const };
      if (outcome === 'switched') {
        this.logger.log(`Re-embed complete: searches now use "${space.collection}" (${space.modelId})`);
        await this.spaces.dropUnused();
        return { outcome: 'switched' as const };
      }
      if (++refused >= REFUSED_SWITCHES) throw new Error('The new vector space kept missing files that the copy did not find');
    }
  }

  private async embed(model: EmbeddingModel, files: BackfillFile[]): Promise<number[][][]> {
    const vectors: number[][][] = [];
    for (const { chunks } of files) {
      const fileVectors: number[][] = [];
      for (let start = 0; start < chunks.length; start += this.settings.embeddingBatchSize) {
        fileVectors.push(...(await model.embedDocuments(chunks.slice(start, start + this.settings.embeddingBatchSize).map(embeddingInput))));
        await yieldToEventLoop(); // keeps the job lock renewing and the worker's other jobs moving
      }
      vectors.push(fileVectors);
    }
    return vectors;
  }

  private async pause(stop: AbortSignal | undefined) {
    if (this.settings.pauseMs <= 0) return;
    await sleep(this.settings.pauseMs, undefined, { signal: stop }).catch(() => undefined); // a stop ends the pause early
  }

  private modelOf(space: VectorSpaceInfo): EmbeddingModel {
    try {
      return this.models.forModelId(space.modelId);
    } catch (error) {
      if (error instanceof UnknownEmbeddingModel) throw new EmbeddingModelMismatch(space.modelId, this.models.configured.modelId);
      throw error;
    }
  }
}
