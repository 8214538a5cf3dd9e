import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { LlmModule } from '@app/llm';
import { PlatformModule } from '@app/platform';
import { useTestEnvironment } from '../../../../test/e2e/support/test-app';
import { RetrievalModule } from '../retrieval.module';
import type { IndexedChunk, IndexedFile } from '../domain/indexed-chunk';
import { ChromaVectorCollection } from './chroma-vector-collection';
import { ChunkIndex, CorpusVersion } from './indexing.ports';

const vectorOf = (seed: number) => Array.from({ length: 8 }, (_, i) => Math.sin(seed + i));
const chunksOf = (fileId: string, count: number): IndexedChunk[] =>
  Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    index,
    text: `Chunk ${index} about quarterly refunds`,
    page: index === 0 ? null : index,
    headingPath: ['Policy', `Part ${index}`],
    vector: vectorOf(index),
  }));

describe('PostgresChromaChunkIndex (PostgreSQL + Chroma)', () => {
  let app: INestApplicationContext;
  let index: ChunkIndex;
  let em: EntityManager;
  let file: IndexedFile;

  beforeAll(async () => {
    useTestEnvironment({ EMBEDDING_DIMENSION: '8', CHROMA_COLLECTION: `chunks_${randomUUID().slice(0, 8)}` });
    const moduleRef = await Test.createTestingModule({ imports: [PlatformModule, LlmModule, RetrievalModule] }).compile();
    app = await moduleRef.init();
    index = app.get(ChunkIndex);
    em = app.get(EntityManager);
    const departmentId = randomUUID();
    file = { id: randomUUID(), departmentId, visibility: 'department' };
    const connection = em.getConnection();
    await connection.execute('insert into departments (id, name, created_at) values (?, ?, now())', [departmentId, `Index ${departmentId}`]);
    await connection.execute(
      `insert into files (id, filename, mime_type, size_bytes, sha256, department_id, visibility, status, storage_key, uploaded_by, created_at, updated_at)
       values (?, 'a.txt', 'text/plain', 1, ?, ?, 'department', 'processing', 'k', ?, now(), now())`,
      [file.id, randomUUID(), departmentId, randomUUID()],
    );
  });
  afterAll(() => app?.close());

  const inContext = <T>(work: () => Promise<T>) => RequestContext.create(app.get(MikroORM).em, work);

  /** These chunks' postings against what their tsvectors say they should be, row for row. */
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

  it('writes the same ids to both stores, and a rerun with fewer chunks leaves no extra', async () => {
    const first = chunksOf(file.id, 5);
    await inContext(() => index.replaceFileChunks(file, first));
    expect(await inContext(() => index.countFileChunks(file.id))).toEqual({ rows: 5, vectors: 5 });

    const shorter = first.slice(0, 3);
    await inContext(() => index.replaceFileChunks(file, shorter));
    expect(await inContext(() => index.countFileChunks(file.id))).toEqual({ rows: 3, vectors: 3 });

    const collection = await app.get(ChromaVectorCollection).open();
    const stored = await collection.get({ ids: shorter.map((chunk) => chunk.id), include: ['metadatas' as never] });
    expect(stored.metadatas[0]).toMatchObject({ fileId: file.id, departmentId: file.departmentId, visibility: 'department', page: -1 });
  });

  it('replaces the postings of rewritten chunks and drops those of removed ones in the same write', async () => {
    const first = chunksOf(file.id, 5);
    await inContext(() => index.replaceFileChunks(file, first));
    const rewritten = first.slice(0, 3).map((chunk) => ({ ...chunk, text: `Chunk ${chunk.index} about annual invoices` }));
    await inContext(() => index.replaceFileChunks(file, rewritten));
    // Six lexemes a chunk: policy, part, chunk, its number, annual, invoices.
    expect(await postingsAgainstText(first.map((chunk) => chunk.id))).toEqual({ stored: 18, expected: 18, differing: 0, refund: 0 });
  });

  it('finds a chunk by full text over its heading path and text', async () => {
    await inContext(() => index.replaceFileChunks(file, chunksOf(file.id, 2)));
    const rows = await em.getConnection().execute(`select chunk_index from chunks where file_id = ? and tsv @@ plainto_tsquery('english', 'part refund')`, [file.id]);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('deletes every chunk and vector of a file and bumps the corpus version', async () => {
    const versions = app.get(CorpusVersion);
    await inContext(() => index.replaceFileChunks(file, chunksOf(file.id, 4)));
    const before = await versions.current();
    await inContext(() => index.deleteFileChunks(file.id));
    expect(await inContext(() => index.countFileChunks(file.id))).toEqual({ rows: 0, vectors: 0 });
    expect(await versions.current()).toBeGreaterThan(before);
  });

  it('records the embedding model in the collection and reports a mismatch without throwing', async () => {
    const collection = app.get(ChromaVectorCollection);
    expect(await collection.check()).toEqual({ matches: true });
    await (await collection.open()).modify({ metadata: { embeddingModel: 'another-model', embeddingDimension: 8 } });
    collection.forget();
    expect(await collection.check()).toMatchObject({ matches: false, stored: { modelId: 'another-model' } });
    await collection.reset();
    expect(await collection.check()).toEqual({ matches: true });
  });
});
