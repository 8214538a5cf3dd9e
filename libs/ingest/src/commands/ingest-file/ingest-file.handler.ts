import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { withDeadline } from '@app/kernel';
import { EmbeddingModel } from '@app/llm';
import { ChunkIndex, VectorSpace, type IndexedChunk } from '@app/retrieval';
import { chunkDocument, chunkId } from '../../domain/chunk-document';
import { describeFailure, EmbeddingModelMismatch, IngestionTimedOut, isPermanentFailure } from '../../domain/ingestion-outcome';
import { DocumentParser, FileToIngest, IngestionFiles, IngestionTimings, IngestStage } from '../../ingest.ports';
import { IngestionSettings } from './ingestion-settings';
import { IngestFile } from './ingest-file.command';
import { ProgressHeartbeat } from './progress-heartbeat';
import { secondsSince, StageClock } from './stage-clock';

// Where each stage starts on the 0..1 progress scale; embedding is the long one.
const STAGE_START: Record<IngestStage, number> = { parsing: 0, chunking: 0.15, embedding: 0.2, indexing: 0.9 };

@CommandHandler(IngestFile)
export class IngestFileHandler implements ICommandHandler<IngestFile> {
  constructor(
    private readonly files: IngestionFiles,
    private readonly embeddings: EmbeddingModel,
    private readonly index: ChunkIndex,
    private readonly vectors: VectorSpace,
    private readonly settings: IngestionSettings,
    private readonly timings: IngestionTimings,
    private readonly parser: DocumentParser,
  ) {}

  async execute(command: IngestFile) {
    const startedAt = performance.now();
    const file = await this.files.claim(command.fileId);
    if (!file) return { outcome: 'skipped' as const }; // deleted meanwhile, or a stale job for a settled file
    try {
      const { chunkCount, pageCount } = await withDeadline(this.settings.timeoutMs, () => new IngestionTimedOut(this.settings.timeoutMs), (signal) => this.run(file, command, signal));
      await this.files.markReady(file.id, { chunkCount, pageCount });
      this.timings.fileFinished('ready', secondsSince(startedAt));
      return { outcome: 'ready' as const, chunkCount };
    } catch (error) {
      const failure = describeFailure(error);
      const final = isPermanentFailure(error) || command.attempt >= command.maxAttempts;
      if (final) await this.files.markFailed(file.id, failure);
      else await this.files.markRetrying(file.id, failure);
      this.timings.fileFinished(final ? 'failed' : 'retrying', secondsSince(startedAt));
      throw error;
    }
  }

  private async run(file: FileToIngest, command: IngestFile, signal: AbortSignal) {
    const clock = new StageClock(this.timings);
    const heartbeat = new ProgressHeartbeat(async (stage, value) => {
      signal.throwIfAborted(); // a run past its deadline must not write over its outcome
      await this.files.reportProgress(file.id, stage, value);
      await command.onProgress(value);
    }, this.settings.progressIntervalMs);
    const progress = async (stage: IngestStage, value: number) => {
      signal.throwIfAborted();
      clock.enter(stage);
      await heartbeat.report(stage, value);
    };
    try {
      const result = await this.parseChunkEmbedIndex(file, progress);
      signal.throwIfAborted();
      await heartbeat.stop();
      clock.finish();
      return result;
    } finally {
      await heartbeat.stop().catch(() => undefined);
    }
  }

  private async parseChunkEmbedIndex(file: FileToIngest, progress: (stage: IngestStage, value: number) => Promise<void>) {
    const check = await this.vectors.check();
    if (!check.matches) throw new EmbeddingModelMismatch(check.stored.modelId || 'an unknown model', this.embeddings.modelId);

    await progress('parsing', STAGE_START.parsing);
    const document = await this.parser.parse(await this.files.readBytes(file), file.type);
    await progress('chunking', STAGE_START.chunking);
    const chunks = chunkDocument(document);

    await progress('embedding', STAGE_START.embedding);
    const indexed: IndexedChunk[] = [];
    const batchSize = this.settings.embeddingBatchSize;
    for (let start = 0; start < chunks.length; start += batchSize) {
      const batch = chunks.slice(start, start + batchSize);
      const vectors = await this.embeddings.embedDocuments(batch.map((chunk) => embeddingInput(chunk.headingPath, chunk.text)));
      batch.forEach((chunk, i) => indexed.push({ ...chunk, id: chunkId(file.id, chunk.index), vector: vectors[i] }));
      const done = Math.min(chunks.length, start + batchSize) / chunks.length;
      await progress('embedding', STAGE_START.embedding + done * (STAGE_START.indexing - STAGE_START.embedding));
      if (start + batchSize < chunks.length) await yieldToEventLoop(); // keeps the job lock renewing while a large file embeds
    }

    await progress('indexing', STAGE_START.indexing);
    await this.index.replaceFileChunks({ id: file.id, departmentId: file.departmentId, visibility: file.visibility }, indexed);
    return { chunkCount: indexed.length, pageCount: document.pageCount };
  }
}

/** Headings give a chunk its context ("Refunds > Exceptions"), so they are embedded with it. */
function embeddingInput(headingPath: string[], text: string): string {
  return headingPath.length ? `${headingPath.join(' > ')}\n\n${text}` : text;
}
