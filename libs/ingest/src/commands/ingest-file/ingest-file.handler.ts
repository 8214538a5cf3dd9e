import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { withDeadline } from '@app/kernel';
import { EmbeddingModels, UnknownEmbeddingModel, type EmbeddingModel } from '@app/llm';
import { ChunkIndex, type IndexedChunk, type PublishOutcome, type VectorSpaceInfo } from '@app/retrieval';
import { chunkDocument, chunkId } from '../../domain/chunk-document';
import { embeddingInput } from '../../domain/embedding-input';
import { describeFailure, EmbeddingModelMismatch, IngestionTimedOut, isPermanentFailure } from '../../domain/ingestion-outcome';
import { DocumentParser, FileToIngest, IngestionFiles, IngestionTimings, IngestStage } from '../../ingest.ports';
import { IngestionSettings } from './ingestion-settings';
import { IngestFile } from './ingest-file.command';
import { ProgressHeartbeat } from './progress-heartbeat';
import { secondsSince, StageClock } from './stage-clock';

// Where each stage starts on the 0..1 progress scale; embedding is the long one.
const STAGE_START: Record<IngestStage, number> = { parsing: 0, chunking: 0.15, embedding: 0.2, indexing: 0.9 };
// A re-embed starting or switching while a file is indexed sends it to write the new space too;
// more rounds than this means the spaces keep changing, and the attempt is retried later.
const PUBLISH_ROUNDS = 3;

type Progress = (stage: IngestStage, value: number) => Promise<void>;
type SpaceModel = { space: VectorSpaceInfo; model: EmbeddingModel };

@CommandHandler(IngestFile)
export class IngestFileHandler implements ICommandHandler<IngestFile> {
  constructor(
    private readonly files: IngestionFiles,
    private readonly models: EmbeddingModels,
    private readonly index: ChunkIndex,
    private readonly settings: IngestionSettings,
    private readonly timings: IngestionTimings,
    private readonly parser: DocumentParser,
  ) {}

  async execute(command: IngestFile) {
    const startedAt = performance.now();
    const file = await this.files.claim(command.fileId);
    if (!file) return { outcome: 'skipped' as const }; // deleted meanwhile, or a stale job for a settled file
    try {
      const result = await withDeadline(
        this.settings.timeoutMs,
        () => new IngestionTimedOut(this.settings.timeoutMs),
        (signal) => this.run(file, command, signal),
      );
      if (result.outcome === 'superseded') return { outcome: 'skipped' as const }; // deleted, or another run published a newer generation
      const { chunkCount, pageCount } = result;
      await this.files.markReady(file.id, { chunkCount, pageCount, generation: file.generation });
      this.timings.fileFinished('ready', secondsSince(startedAt));
      return { outcome: 'ready' as const, chunkCount };
    } catch (error) {
      const failure = describeFailure(error);
      const final = isPermanentFailure(error) || command.attempt >= command.maxAttempts;
      if (final) {
        await this.files.markFailed(file.id, failure);
        // The file keeps serving the generation it had; what this run wrote of the next one goes.
        // Left behind it would only take space: search never reads a generation not published.
        await this.index.discardGeneration(file.id, file.generation).catch(() => undefined);
      } else await this.files.markRetrying(file.id, failure);
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
      const result = await this.parseChunkEmbedIndex(file, progress, signal);
      signal.throwIfAborted();
      await heartbeat.stop();
      clock.finish();
      return result;
    } finally {
      await heartbeat.stop().catch(() => undefined);
    }
  }

  private async parseChunkEmbedIndex(file: FileToIngest, progress: Progress, signal: AbortSignal) {
    const targets = this.modelsOf(await this.index.targets());

    await progress('parsing', STAGE_START.parsing);
    const document = await this.parser.parse(await this.files.readBytes(file), file.type);
    await progress('chunking', STAGE_START.chunking);
    const chunks = chunkDocument(document);
    const indexed: IndexedChunk[] = chunks.map((chunk) => ({ ...chunk, id: chunkId(file.id, chunk.index, file.generation) }));

    await progress('embedding', STAGE_START.embedding);
    const vectors = await this.embed(indexed, targets, progress);
    await progress('indexing', STAGE_START.indexing);
    const outcome = await this.writeAndPublish(file, indexed, vectors, signal);
    if (outcome.status === 'superseded') {
      await this.index.discardGeneration(file.id, file.generation);
      return { outcome: 'superseded' as const };
    }
    return { outcome: 'published' as const, chunkCount: indexed.length, pageCount: document.pageCount };
  }

  /**
   * Writes the generation beside the one search serves, then publishes it, which switches
   * search to it at once. A space that started being built meanwhile gets the vectors too
   * before the switch, so the file is never live in one space and missing from another.
   */
  private async writeAndPublish(file: FileToIngest, chunks: IndexedChunk[], vectors: Map<string, number[][]>, signal: AbortSignal): Promise<PublishOutcome> {
    const target = { id: file.id, departmentId: file.departmentId, visibility: file.visibility, conversationId: file.conversationId, ownerId: file.ownerId };
    let written = await this.index.writeGeneration(target, file.generation, chunks, vectors);
    for (let round = 1; ; round++) {
      signal.throwIfAborted(); // past its deadline, a run must not switch what search serves
      const outcome = await this.index.publishGeneration(file.id, file.generation, written, chunks.length);
      if (outcome.status !== 'spaces_changed') return outcome;
      if (round >= PUBLISH_ROUNDS) throw new Error('The vector spaces kept changing while the file was indexed');
      const more = await this.embed(chunks, this.modelsOf(outcome.missing));
      written = [...written, ...(await this.index.writeGeneration(target, file.generation, chunks, more, { rows: false }))];
    }
  }

  /** Vectors for each space, computed once per model: a space being built may use another one. */
  private async embed(chunks: IndexedChunk[], targets: SpaceModel[], progress?: Progress): Promise<Map<string, number[][]>> {
    const models = new Map<string, { model: EmbeddingModel; spaces: string[] }>();
    for (const { space, model } of targets) {
      const entry = models.get(model.modelId) ?? { model, spaces: [] };
      entry.spaces.push(space.id);
      models.set(model.modelId, entry);
    }
    const vectors = new Map<string, number[][]>();
    const batchSize = this.settings.embeddingBatchSize;
    const steps = Math.max(1, chunks.length * models.size);
    let done = 0;
    for (const { model, spaces } of models.values()) {
      const modelVectors: number[][] = [];
      for (let start = 0; start < chunks.length; start += batchSize) {
        const batch = chunks.slice(start, start + batchSize);
        modelVectors.push(...(await model.embedDocuments(batch.map(embeddingInput))));
        done += batch.length;
        await progress?.('embedding', STAGE_START.embedding + (done / steps) * (STAGE_START.indexing - STAGE_START.embedding));
        if (done < steps) await yieldToEventLoop(); // keeps the job lock renewing while a large file embeds
      }
      for (const spaceId of spaces) vectors.set(spaceId, modelVectors);
    }
    return vectors;
  }

  private modelsOf(spaces: VectorSpaceInfo[]): SpaceModel[] {
    return spaces.map((space) => {
      try {
        return { space, model: this.models.forModelId(space.modelId) };
      } catch (error) {
        if (error instanceof UnknownEmbeddingModel) throw new EmbeddingModelMismatch(space.modelId, this.models.configured.modelId);
        throw error;
      }
    });
  }
}
