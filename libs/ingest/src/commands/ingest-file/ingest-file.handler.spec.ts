import { LocalHashedEmbeddings } from '@app/llm';
import { ChunkIndex, VectorSpace, type IndexedChunk, type IndexedFile, type VectorSpaceCheck } from '@app/retrieval';
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
  async markReady(_id: string, result: { chunkCount: number; pageCount: number | null }) {
    this.history.push(`ready:${result.chunkCount}`);
  }
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
  async requeueAll() {
    return [];
  }
}

class InMemoryChunkIndex extends ChunkIndex {
  readonly chunks = new Map<string, IndexedChunk & { fileId: string }>();
  failNext: Error | null = null;
  async replaceFileChunks(file: IndexedFile, chunks: IndexedChunk[]) {
    if (this.failNext) throw this.failNext;
    for (const chunk of chunks) this.chunks.set(chunk.id, { ...chunk, fileId: file.id });
  }
  async deleteFileChunks() {}
  async countFileChunks() {
    return { rows: this.chunks.size, vectors: this.chunks.size };
  }
}

class FixedVectorSpace extends VectorSpace {
  constructor(private readonly answer: VectorSpaceCheck = { matches: true }) {
    super();
  }
  async check() {
    return this.answer;
  }
  async reset() {}
}

const file: FileToIngest = { id: '3f0c2a52-6f55-4f7e-9a43-7d2f0b0c1e11', filename: 'guide.md', type: 'markdown', departmentId: 'd', visibility: 'department', contentKey: 'guide-bytes' };
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

function handlerWith(files: IngestionFiles, index = new InMemoryChunkIndex(), vectors = new FixedVectorSpace(), timings = new RecordedTimings()) {
  return { handler: new IngestFileHandler(files, new LocalHashedEmbeddings({ dimension: 64 }), index, vectors, settings, timings, new InThreadDocumentParser()), index };
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
    await handlerWith(new InMemoryIngestionFiles(file, markdown), undefined, undefined, timings).handler.execute(new IngestFile(file.id, 1, 3));
    expect(timings.stages.map(([stage]) => stage)).toEqual(['parsing', 'chunking', 'embedding', 'indexing']);
    expect(timings.files.map(([outcome]) => outcome)).toEqual(['ready']);
    const stageTotal = timings.stages.reduce((sum, [, seconds]) => sum + seconds, 0);
    expect(timings.files[0][1]).toBeGreaterThanOrEqual(stageTotal);
  });

  it('times a failed attempt as retrying, then the last one as failed, without the unfinished stage', async () => {
    const index = new InMemoryChunkIndex();
    const timings = new RecordedTimings();
    const { handler } = handlerWith(new InMemoryIngestionFiles(file, markdown), index, undefined, timings);
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

  it('fails the file when the collection was built by another embedding model', async () => {
    const files = new InMemoryIngestionFiles(file, markdown);
    const vectors = new FixedVectorSpace({ matches: false, stored: { modelId: 'other', dimension: 3 } });
    await expect(handlerWith(files, new InMemoryChunkIndex(), vectors).handler.execute(new IngestFile(file.id, 1, 3))).rejects.toMatchObject({
      code: 'embedding_model_mismatch',
    });
    expect(files.history.at(-1)).toBe('failed:embedding_model_mismatch');
  });

  it('skips a file deleted before its job ran', async () => {
    const files = new InMemoryIngestionFiles(null, markdown);
    expect(await handlerWith(files).handler.execute(new IngestFile(file.id, 1, 3))).toEqual({ outcome: 'skipped' });
    expect(files.history).toEqual([]);
  });
});
