import { ConfiguredEmbeddingModels, LocalHashedEmbeddings } from '@app/llm';
import { ChunkIndex, type IndexedChunk, type IndexedFile, type PublishOutcome, type SpaceVectors, type VectorSpaceInfo } from '@app/retrieval';
import { chunkId } from '../../domain/chunk-document';
import { DocumentParser, FileToIngest, IngestionFailure, IngestionFiles, IngestionTimings, IngestStage, type IngestionOutcome } from '../../ingest.ports';
import { parseDocument } from '../../parsing';
import { IngestFile } from './ingest-file.command';
import { IngestFileHandler } from './ingest-file.handler';

class InMemoryIngestionFiles extends IngestionFiles {
  readonly history: string[] = [];
  constructor(
    private readonly file: FileToIngest | null,
    private readonly bytes: Buffer,
  ) {
    super();
  }
  async claim() {
    if (this.file) this.history.push('processing');
    return this.file;
  }
  async readBytes() {
    return this.bytes;
  }
  async reportProgress(_id: string, stage: IngestStage, progress: number) {
    this.history.push(`${stage}:${progress.toFixed(2)}`);
  }
  async markReady(_id: string, result: { chunkCount: number; pageCount: number | null; generation: number }) {
    this.history.push(`ready:${result.chunkCount}`);
    this.readyGeneration = result.generation;
  }
  readyGeneration: number | null = null;
  async markRetrying(_id: string, failure: IngestionFailure) {
    this.history.push(`retrying:${failure.code}`);
  }
  async markFailed(_id: string, failure: IngestionFailure) {
    this.history.push(`failed:${failure.code}`);
  }
  async purge() {}
  async listUnsettled() {
    return [];
  }
  async listDeleted() {
    return [];
  }
}

const LIVE: VectorSpaceInfo = { id: 'space-live', collection: 'chunks', modelId: 'local-hashed-v1-d64', dimension: 64, state: 'live' };
const BUILDING: VectorSpaceInfo = { id: 'space-new', collection: 'chunks_new', modelId: 'local-hashed-v1-d32', dimension: 32, state: 'building' };

type Row = IndexedChunk & { fileId: string; generation: number };

/** Generations as the real index keeps them: written beside the live one, switched by publishing. */
class InMemoryChunkIndex extends ChunkIndex {
  readonly rows = new Map<string, Row>();
  readonly vectors = new Map<string, Map<string, readonly number[]>>();
  readonly live = new Map<string, number>();
  /** The spaces the registry holds; `targets()` answers what it last read. */
  registry: VectorSpaceInfo[] = [LIVE];
  private read: VectorSpaceInfo[] | null = null;
  failNext: Error | null = null;
  /** Run between writing and publishing, as another process would. */
  beforePublish: (() => void) | null = null;

  get chunks() {
    return new Map([...this.rows].filter(([, row]) => row.generation === this.live.get(row.fileId)));
  }
  async targets() {
    return (this.read ??= this.registry);
  }
  async writeGeneration(file: IndexedFile, generation: number, chunks: IndexedChunk[], vectors: SpaceVectors, { rows = true } = {}) {
    if (this.failNext) throw this.failNext;
    if (rows) {
      for (const [id, row] of this.rows) if (row.fileId === file.id && row.generation === generation && row.index >= chunks.length) this.rows.delete(id);
      for (const chunk of chunks) this.rows.set(chunk.id, { ...chunk, fileId: file.id, generation });
    }
    for (const [spaceId, spaceVectors] of vectors) {
      const stored = this.vectors.get(spaceId) ?? new Map<string, readonly number[]>();
      chunks.forEach((chunk, i) => stored.set(chunk.id, spaceVectors[i]));
      this.vectors.set(spaceId, stored);
    }
    return [...vectors.keys()];
  }
  async publishGeneration(fileId: string, generation: number, spaceIds: readonly string[]): Promise<PublishOutcome> {
    this.beforePublish?.();
    this.beforePublish = null;
    const missing = this.registry.filter((space) => !spaceIds.includes(space.id));
    if (missing.length > 0) {
      this.read = this.registry;
      return { status: 'spaces_changed', missing };
    }
    const live = this.live.get(fileId);
    if (live !== undefined && live > generation) return { status: 'superseded' };
    this.live.set(fileId, generation);
    for (const [id, row] of this.rows) if (row.fileId === fileId && row.generation < generation) this.rows.delete(id);
    return { status: 'published' };
  }
  async discardGeneration(fileId: string, generation: number) {
    if (this.live.get(fileId) === generation) return;
    for (const [id, row] of this.rows) if (row.fileId === fileId && row.generation === generation) this.rows.delete(id);
  }
  async deleteFileChunks() {}
  async countFileChunks() {
    return { rows: this.rows.size, vectors: this.rows.size };
  }
}

const file: FileToIngest = {
  id: '3f0c2a52-6f55-4f7e-9a43-7d2f0b0c1e11',
  filename: 'guide.md',
  type: 'markdown',
  departmentId: 'd',
  visibility: 'department',
  conversationId: null,
  ownerId: 'u',
  contentKey: 'guide-bytes',
  generation: 0,
};
const markdown = Buffer.from(['# Guide', '', ...Array.from({ length: 80 }, (_, i) => `Paragraph ${i} explains one step of the setup in words.\n`)].join('\n'));
const settings = { timeoutMs: 5_000, embeddingBatchSize: 2, progressIntervalMs: 0 };

class RecordedTimings extends IngestionTimings {
  readonly stages: Array<[IngestStage, number]> = [];
  readonly files: Array<[IngestionOutcome, number]> = [];
  stageFinished(stage: IngestStage, seconds: number) {
    this.stages.push([stage, seconds]);
  }
  fileFinished(outcome: IngestionOutcome, seconds: number) {
    this.files.push([outcome, seconds]);
  }
}

/** The worker parses on threads; in a handler spec, this thread will do. */
class InThreadDocumentParser extends DocumentParser {
  parse(bytes: Buffer, type: FileToIngest['type']) {
    return parseDocument(bytes, type);
  }
}

function handlerWith(files: IngestionFiles, index = new InMemoryChunkIndex(), timings = new RecordedTimings()) {
  const models = new ConfiguredEmbeddingModels(new LocalHashedEmbeddings({ dimension: 64 }));
  return { handler: new IngestFileHandler(files, models, index, settings, timings, new InThreadDocumentParser()), index };
}

describe('IngestFileHandler', () => {
  it('parses, chunks, embeds in batches and indexes under deterministic ids, then marks the file ready', async () => {
    const files = new InMemoryIngestionFiles(file, markdown);
    const { handler, index } = handlerWith(files);
    const result = await handler.execute(new IngestFile(file.id, 1, 3));
    expect(result).toMatchObject({ outcome: 'ready' });
    const count = (result as { chunkCount: number }).chunkCount;
    expect(count).toBeGreaterThan(2);
    expect([...index.chunks.keys()].sort()).toEqual(Array.from({ length: count }, (_, i) => chunkId(file.id, i)).sort());
    expect([...index.chunks.values()][0]).toMatchObject({ headingPath: ['Guide'], fileId: file.id });
    expect(files.history[0]).toBe('processing');
    expect(files.history.at(-1)).toBe(`ready:${count}`);
    const stages = files.history.slice(1, -1).map((step) => step.split(':')[0]);
    expect([...new Set(stages)]).toEqual(['parsing', 'chunking', 'embedding', 'indexing']);
    const progress = files.history.slice(1, -1).map((step) => Number(step.split(':')[1]));
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(stages.filter((stage) => stage === 'embedding').length).toBeGreaterThan(2);
  });

  it('skips the file when another run of its job settled it first', async () => {
    const files = new InMemoryIngestionFiles(file, markdown);
    files.claim = async () => null;
    const { handler, index } = handlerWith(files);
    expect(await handler.execute(new IngestFile(file.id, 1, 3))).toEqual({ outcome: 'skipped' });
    expect(index.chunks.size).toBe(0);
    expect(files.history).toEqual([]);
  });

  it('times each stage once, in order, and the file as ready', async () => {
    const timings = new RecordedTimings();
    await handlerWith(new InMemoryIngestionFiles(file, markdown), undefined, timings).handler.execute(new IngestFile(file.id, 1, 3));
    expect(timings.stages.map(([stage]) => stage)).toEqual(['parsing', 'chunking', 'embedding', 'indexing']);
    expect(timings.files.map(([outcome]) => outcome)).toEqual(['ready']);
    const stageTotal = timings.stages.reduce((sum, [, seconds]) => sum + seconds, 0);
    expect(timings.files[0][1]).toBeGreaterThanOrEqual(stageTotal);
  });

  it('times a failed attempt as retrying, then the last one as failed, without the unfinished stage', async () => {
    const index = new InMemoryChunkIndex();
    const timings = new RecordedTimings();
    const { handler } = handlerWith(new InMemoryIngestionFiles(file, markdown), index, timings);
    index.failNext = new Error('chroma is restarting');
    await expect(handler.execute(new IngestFile(file.id, 1, 2))).rejects.toThrow();
    index.failNext = new Error('chroma is restarting');
    await expect(handler.execute(new IngestFile(file.id, 2, 2))).rejects.toThrow();
    expect(timings.files.map(([outcome]) => outcome)).toEqual(['retrying', 'failed']);
    expect(timings.stages.map(([stage]) => stage)).not.toContain('indexing');
  });

  it('gives the same chunks when run twice', async () => {
    const index = new InMemoryChunkIndex();
    await handlerWith(new InMemoryIngestionFiles(file, markdown), index).handler.execute(new IngestFile(file.id, 1, 3));
    const first = new Map(index.chunks);
    await handlerWith(new InMemoryIngestionFiles(file, markdown), index).handler.execute(new IngestFile(file.id, 1, 3));
    expect(index.chunks).toEqual(first);
  });

  it('fails a document that cannot be parsed on its first attempt', async () => {
    const files = new InMemoryIngestionFiles({ ...file, type: 'pdf' }, Buffer.from('%PDF-1.4 and nothing more'));
    await expect(handlerWith(files).handler.execute(new IngestFile(file.id, 1, 3))).rejects.toMatchObject({ code: 'document_unreadable' });
    expect(files.history.at(-1)).toBe('failed:document_unreadable');
  });

  it('puts the file back in the queue after a passing failure, and fails it on the last attempt', async () => {
    const index = new InMemoryChunkIndex();
    index.failNext = new Error('chroma is restarting');
    const files = new InMemoryIngestionFiles(file, markdown);
    const { handler } = handlerWith(files, index);
    await expect(handler.execute(new IngestFile(file.id, 1, 2))).rejects.toThrow('chroma is restarting');
    expect(files.history.at(-1)).toBe('retrying:ingestion_failed');
    await expect(handler.execute(new IngestFile(file.id, 2, 2))).rejects.toThrow('chroma is restarting');
    expect(files.history.at(-1)).toBe('failed:ingestion_failed');
  });

  it('fails the file when the vectors were built by a model this worker cannot run', async () => {
    const files = new InMemoryIngestionFiles(file, markdown);
    const index = new InMemoryChunkIndex();
    index.registry = [{ ...LIVE, modelId: 'cohere:embed-v4:d3' }];
    await expect(handlerWith(files, index).handler.execute(new IngestFile(file.id, 1, 3))).rejects.toMatchObject({ code: 'embedding_model_mismatch' });
    expect(files.history.at(-1)).toBe('failed:embedding_model_mismatch');
  });

  it('writes a reindex as the next generation beside the live one, then switches to it and drops the old', async () => {
    const index = new InMemoryChunkIndex();
    await handlerWith(new InMemoryIngestionFiles(file, markdown), index).handler.execute(new IngestFile(file.id, 1, 3));
    const firstIds = [...index.chunks.keys()].sort();

    const files = new InMemoryIngestionFiles({ ...file, generation: 1 }, markdown);
    let servedWhileWriting: string[] = [];
    index.beforePublish = () => (servedWhileWriting = [...index.chunks.keys()].sort());
    await handlerWith(files, index).handler.execute(new IngestFile(file.id, 1, 3));

    expect(servedWhileWriting).toEqual(firstIds);
    const count = firstIds.length;
    expect([...index.chunks.keys()].sort()).toEqual(Array.from({ length: count }, (_, i) => chunkId(file.id, i, 1)).sort());
    expect(index.rows.size).toBe(count); // the old generation is gone
    expect(files.readyGeneration).toBe(1);
  });

  it('writes to a space that started being built meanwhile, with its own model, before switching', async () => {
    const index = new InMemoryChunkIndex();
    index.beforePublish = () => (index.registry = [LIVE, BUILDING]);
    const result = await handlerWith(new InMemoryIngestionFiles(file, markdown), index).handler.execute(new IngestFile(file.id, 1, 3));
    expect(result).toMatchObject({ outcome: 'ready' });
    const ids = [...index.chunks.keys()].sort();
    expect([...index.vectors.get(LIVE.id)!.keys()].sort()).toEqual(ids);
    expect([...index.vectors.get(BUILDING.id)!.keys()].sort()).toEqual(ids);
    expect(index.vectors.get(LIVE.id)!.get(ids[0])).toHaveLength(64);
    expect(index.vectors.get(BUILDING.id)!.get(ids[0])).toHaveLength(32);
  });

  it('keeps the live generation when a reindex fails for good, and removes what it wrote', async () => {
    const index = new InMemoryChunkIndex();
    await handlerWith(new InMemoryIngestionFiles(file, markdown), index).handler.execute(new IngestFile(file.id, 1, 3));
    const live = [...index.chunks.keys()].sort();
    index.beforePublish = () => {
      throw new Error('database restarting');
    };
    const files = new InMemoryIngestionFiles({ ...file, generation: 1 }, markdown);
    await expect(handlerWith(files, index).handler.execute(new IngestFile(file.id, 3, 3))).rejects.toThrow('database restarting');
    expect(files.history.at(-1)).toBe('failed:ingestion_failed');
    expect([...index.chunks.keys()].sort()).toEqual(live);
    expect([...index.rows.values()].filter((row) => row.generation === 1)).toEqual([]);
  });

  it('gives up after the spaces change on every round, leaving the live generation', async () => {
    const index = new InMemoryChunkIndex();
    let round = 0;
    index.beforePublish = null;
    const publish = index.publishGeneration.bind(index);
    index.publishGeneration = async (fileId: string, generation: number, spaceIds: readonly string[]) => {
      index.registry = [LIVE, { ...BUILDING, id: `space-${++round}` }];
      return publish(fileId, generation, spaceIds);
    };
    const files = new InMemoryIngestionFiles(file, markdown);
    await expect(handlerWith(files, index).handler.execute(new IngestFile(file.id, 1, 3))).rejects.toThrow('kept changing');
    expect(round).toBe(3);
    expect(files.history.at(-1)).toBe('retrying:ingestion_failed');
    expect(index.live.has(file.id)).toBe(false);
  });

  it('ends without marking the file ready when a newer generation went live meanwhile', async () => {
    const index = new InMemoryChunkIndex();
    index.live.set(file.id, 2);
    const files = new InMemoryIngestionFiles({ ...file, generation: 1 }, markdown);
    expect(await handlerWith(files, index).handler.execute(new IngestFile(file.id, 1, 3))).toEqual({ outcome: 'skipped' });
    expect(files.history).not.toContain(expect.stringMatching(/^ready/));
    expect([...index.rows.values()].filter((row) => row.generation === 1)).toEqual([]);
  });

  it('skips a file deleted before its job ran', async () => {
    const files = new InMemoryIngestionFiles(null, markdown);
    expect(await handlerWith(files).handler.execute(new IngestFile(file.id, 1, 3))).toEqual({ outcome: 'skipped' });
    expect(files.history).toEqual([]);
  });
});
