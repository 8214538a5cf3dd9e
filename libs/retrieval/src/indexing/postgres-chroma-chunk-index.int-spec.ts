import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { LlmModule } from '@app/llm';
import { AppConfigModule, PlatformModule } from '@app/platform';
import { indexGeneration } from '../../../../test/e2e/support/index-generation';
import { useTestEnvironment } from '../../../../test/e2e/support/test-app';
import { accessScopeOf } from '../domain/access-scope';
import type { IndexedChunk, IndexedFile } from '../domain/indexed-chunk';
import { RetrievalModule } from '../retrieval.module';
import { nearestReadableIds } from '../search/nearest-readable-ids';
import { ChunkSearch, ChunkStore, FullTextLeg, VectorLeg } from '../search/search.ports';
import { ChromaCollections } from './chroma-collections';
import { ChunkIndex, CorpusVersion, VectorSpaces } from './indexing.ports';

const vectorOf = (chunk: IndexedChunk) => Array.from({ length: 8 }, (_, i) => Math.sin(chunk.index + i));
const chunksOf = (count: number, topic = 'quarterly refunds'): IndexedChunk[] =>
  Array.from({ length: count }, (_, index) => ({ id: randomUUID(), index, text: `Chunk ${index} about ${topic}`, page: index === 0 ? null : index, headingPath: ['Policy', `Part ${index}`] }));

describe('PostgresChromaChunkIndex (PostgreSQL + Chroma)', () => {
  let app: INestApplicationContext;
  let index: ChunkIndex;
  let em: EntityManager;
  let departmentId: string;

  beforeAll(async () => {
    useTestEnvironment({ EMBEDDING_DIMENSION: '8', CHROMA_COLLECTION: `chunks_${randomUUID().slice(0, 8)}`, RETRIEVAL_CACHE_TTL_SECONDS: '0' });
    const moduleRef = await Test.createTestingModule({ imports: [AppConfigModule.forRoot(), PlatformModule, LlmModule, RetrievalModule] }).compile();
    app = await moduleRef.init();
    index = app.get(ChunkIndex);
    em = app.get(EntityManager);
    departmentId = randomUUID();
    await em.getConnection().execute('insert into departments (id, name, created_at) values (?, ?, now())', [departmentId, `Index ${departmentId}`]);
  });
  afterAll(() => app?.close());

  const inContext = <T>(work: () => Promise<T>) => RequestContext.create(app.get(MikroORM).em, work);

  async function newFile(): Promise<IndexedFile> {
    const file: IndexedFile = { id: randomUUID(), departmentId, visibility: 'department' };
    await em.getConnection().execute(
      `insert into files (id, filename, mime_type, size_bytes, sha256, department_id, visibility, status, storage_key, uploaded_by, created_at, updated_at)
       values (?, 'a.txt', 'text/plain', 1, ?, ?, 'department', 'processing', 'k', ?, now(), now())`,
      [file.id, randomUUID(), departmentId, randomUUID()],
    );
    return file;
  }

  const liveCollection = async () => (await inContext(() => app.get(VectorSpaces).live())).collection;
  const vectorIds = async (fileId: string, collection?: string) => (await app.get(ChromaCollections).idsWhere(collection ?? (await liveCollection()), { fileId: { $eq: fileId } })).sort();
  const rowIds = async (fileId: string) => (await em.getConnection().execute<Array<{ id: string }>>('select id from chunks where file_id = ? order by id', [fileId])).map((row) => row.id);
  const liveGeneration = async (fileId: string) =>
    (await em.getConnection().execute<Array<{ live_generation: number | null }>>('select live_generation from files where id = ?', [fileId]))[0].live_generation;

  /** What every search path returns of the file for a reader of its department. */
  async function served(fileId: string, query: string) {
    const scope = accessScopeOf({ departmentIds: [departmentId] }, { fileIds: [fileId] });
    const [text, vectors, hybrid] = await inContext(() =>
      Promise.all([
        app.get(FullTextLeg).search(query, scope, 50),
        nearestReadableIds(app.get(VectorLeg), app.get(ChunkStore), query, scope, 50),
        app.get(ChunkSearch).search({ query, scope, limit: 50 }),
      ]),
    );
    return { text: text.map((c) => c.chunkId).sort(), vectors: [...vectors].sort(), hybrid: hybrid.map((c) => c.chunkId).sort() };
  }

  /** Postings against what the tsvectors say they should be, row for row. */
  async function postingsAgainstText(chunkIds: string[]) {
    const [row] = await em.getConnection().execute<Array<Record<'stored' | 'expected' | 'differing' | 'refund', string>>>(
      `with ids as (select id from unnest(array[?]::uuid[]) as id),
            expected as (
              select t.lexeme collate "C" as lexeme, c.id as chunk_id, cardinality(t.positions) as tf, c.tsv_length as chunk_length
                from chunks c join ids using (id), unnest(c.tsv) t
            ),
            stored as (select p.* from chunk_terms p join ids on ids.id = p.chunk_id)
       select (select count(*) from stored) as stored, (select count(*) from expected) as expected,
              (select count(*) from ((table expected except all table stored) union all (table stored except all table expected)) d) as differing,
              (select count(*) from stored where lexeme = 'refund') as refund`,
      [chunkIds],
    );
    return { stored: Number(row.stored), expected: Number(row.expected), differing: Number(row.differing), refund: Number(row.refund) };
  }

  it('writes the same ids to both stores, and a rerun of the generation with fewer chunks leaves no extra', async () => {
    const file = await newFile();
    const first = chunksOf(5);
    await indexGeneration(app, file, first, { vectorOf });
    expect(await inContext(() => index.countFileChunks(file.id))).toEqual({ rows: 5, vectors: 5 });

    const shorter = first.slice(0, 3);
    await indexGeneration(app, file, shorter, { vectorOf });
    expect(await inContext(() => index.countFileChunks(file.id))).toEqual({ rows: 3, vectors: 3 });
    expect(await vectorIds(file.id)).toEqual(shorter.map((chunk) => chunk.id).sort());

    const url = new URL(process.env.CHROMA_URL!);
    const { ChromaClient } = await import('chromadb');
    const collection = await new ChromaClient({ host: url.hostname, port: Number(url.port) }).getCollection({ name: await liveCollection() });
    const stored = await collection.get({ ids: [shorter[0].id], include: ['metadatas' as never] });
    expect(stored.metadatas[0]).toMatchObject({ fileId: file.id, departmentId, visibility: 'department', page: -1, generation: 0 });
  });

  it('replaces the postings of rewritten chunks and drops those of removed ones in the same write', async () => {
    const file = await newFile();
    const first = chunksOf(5);
    await indexGeneration(app, file, first, { vectorOf });
    const rewritten = first.slice(0, 3).map((chunk) => ({ ...chunk, text: `Chunk ${chunk.index} about annual invoices` }));
    await indexGeneration(app, file, rewritten, { vectorOf });
    // Six lexemes a chunk: policy, part, chunk, its number, annual, invoices.
    expect(await postingsAgainstText(first.map((chunk) => chunk.id))).toEqual({ stored: 18, expected: 18, differing: 0, refund: 0 });
  });

  it('finds a chunk by full text over its heading path and text', async () => {
    const file = await newFile();
    await indexGeneration(app, file, chunksOf(2), { vectorOf });
    const rows = await em.getConnection().execute(`select chunk_index from chunks where file_id = ? and tsv @@ plainto_tsquery('english', 'part refund')`, [file.id]);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('serves a file’s old generation until the new one is published, then only the new one, in both legs', async () => {
    const file = await newFile();
    const old = chunksOf(4, 'travel reimbursement');
    await indexGeneration(app, file, old, { vectorOf });
    const oldIds = old.map((chunk) => chunk.id).sort();
    expect(await served(file.id, 'travel reimbursement')).toEqual({ text: oldIds, vectors: oldIds, hybrid: oldIds });

    // A reindex writes generation 1 beside it: nothing a search sees changes, nor the corpus version.
    const versions = app.get(CorpusVersion);
    const versionBefore = await versions.current();
    const next = chunksOf(3, 'travel reimbursement');
    const { written } = await indexGeneration(app, file, next, { vectorOf, generation: 1, publish: false });
    expect(await versions.current()).toBe(versionBefore);
    expect(await served(file.id, 'travel reimbursement')).toEqual({ text: oldIds, vectors: oldIds, hybrid: oldIds });
    expect(await rowIds(file.id)).toHaveLength(7);

    const outcome = await inContext(() => index.publishGeneration(file.id, 1, written, next.length));
    expect(outcome).toEqual({ status: 'published' });
    expect(await versions.current()).toBeGreaterThan(versionBefore);
    const nextIds = next.map((chunk) => chunk.id).sort();
    expect(await served(file.id, 'travel reimbursement')).toEqual({ text: nextIds, vectors: nextIds, hybrid: nextIds });
    // The old generation is gone from both stores.
    expect(await rowIds(file.id)).toEqual(nextIds);
    expect(await vectorIds(file.id)).toEqual(nextIds);
  });

  it('never moves a file back to an older generation, and publishing one already live is a no-op', async () => {
    const file = await newFile();
    await indexGeneration(app, file, chunksOf(2), { vectorOf });
    const newer = chunksOf(2);
    const { written } = await indexGeneration(app, file, newer, { vectorOf, generation: 1 });
    // A late run of the first ingestion, finishing after the reindex.
    const { outcome: late } = await indexGeneration(app, file, chunksOf(2), { vectorOf, generation: 0 });
    expect(late).toEqual({ status: 'superseded' });
    expect(await liveGeneration(file.id)).toBe(1);
    expect(await inContext(() => index.publishGeneration(file.id, 1, written, 2))).toEqual({ status: 'published' });
    const scope = accessScopeOf({ departmentIds: [departmentId] }, { fileIds: [file.id] });
    const hits = await inContext(() => app.get(FullTextLeg).search('refunds', scope, 50));
    expect(hits.map((c) => c.chunkId).sort()).toEqual(newer.map((c) => c.id).sort());
  });

  it('refuses to publish a generation missing from a space being built, until it is written there', async () => {
    const file = await newFile();
    const spaces = app.get(VectorSpaces);
    const building = (await inContext(() => spaces.startBuilding({ modelId: 'local-hashed-v1-d8', dimension: 8 })))!;
    try {
      const live = await inContext(() => spaces.live());
      const chunks = chunksOf(2);
      // Written before the build started: only to the live space.
      await inContext(() => index.writeGeneration(file, 0, chunks, new Map([[live.id, chunks.map(vectorOf)]])));
      const refused = await inContext(() => index.publishGeneration(file.id, 0, [live.id], chunks.length));
      expect(refused).toEqual({ status: 'spaces_changed', missing: [expect.objectContaining({ id: building.id, collection: building.collection, state: 'building' })] });
      expect(await liveGeneration(file.id)).toBeNull();

      expect((await inContext(() => index.targets())).map((space) => space.id)).toEqual([live.id, building.id]);
      const written = await inContext(() => index.writeGeneration(file, 0, chunks, new Map([[building.id, chunks.map(vectorOf)]]), { rows: false }));
      expect(written).toEqual([building.id]);
      expect(await inContext(() => index.publishGeneration(file.id, 0, [live.id, building.id], chunks.length))).toEqual({ status: 'published' });
      expect(await vectorIds(file.id, building.collection)).toEqual(chunks.map((chunk) => chunk.id).sort());
      const [record] = await em.getConnection().execute('select generation, chunk_count from vector_space_files where space_id = ? and file_id = ?', [building.id, file.id]);
      expect(record).toEqual({ generation: 0, chunk_count: 2 });
    } finally {
      await inContext(() => spaces.fail(building.id, { code: 'test_over', message: 'the test is over' }));
    }
  });

  it('discards a generation that never went live, and never the live one', async () => {
    const file = await newFile();
    const live = chunksOf(2);
    await indexGeneration(app, file, live, { vectorOf });
    await indexGeneration(app, file, chunksOf(3), { vectorOf, generation: 1, publish: false });
    await inContext(() => index.discardGeneration(file.id, 1));
    await inContext(() => index.discardGeneration(file.id, 0));
    const liveIds = live.map((chunk) => chunk.id).sort();
    expect(await rowIds(file.id)).toEqual(liveIds);
    expect(await vectorIds(file.id)).toEqual(liveIds);
  });

  it('deletes every chunk and vector of a file, of every generation, and bumps the corpus version', async () => {
    const file = await newFile();
    const versions = app.get(CorpusVersion);
    await indexGeneration(app, file, chunksOf(4), { vectorOf });
    await indexGeneration(app, file, chunksOf(2), { vectorOf, generation: 1, publish: false });
    const before = await versions.current();
    await inContext(() => index.deleteFileChunks(file.id));
    expect(await inContext(() => index.countFileChunks(file.id))).toEqual({ rows: 0, vectors: 0 });
    expect(await vectorIds(file.id)).toEqual([]);
    expect(await versions.current()).toBeGreaterThan(before);
  });

  // Last: it leaves the suite without a live collection.
  it('names the missing collection when the live space’s collection was removed behind its back', async () => {
    const file = await newFile();
    await app.get(ChromaCollections).drop(await liveCollection());
    await expect(indexGeneration(app, file, chunksOf(1), { vectorOf })).rejects.toThrow(/is missing from Chroma; a re-embed .* rebuilds it/);
    expect(await liveGeneration(file.id)).toBeNull();
  });
});
