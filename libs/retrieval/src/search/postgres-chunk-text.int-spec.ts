import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { LlmModule } from '@app/llm';
import { PlatformModule } from '@app/platform';
import { createMigratedDatabase } from '../../../../test/e2e/support/own-database';
import { indexGeneration } from '../../../../test/e2e/support/index-generation';
import { useTestEnvironment } from '../../../../test/e2e/support/test-app';
import { accessScopeOf } from '../domain/access-scope';
import { ChunkIndex } from '../indexing/indexing.ports';
import { RetrievalModule } from '../retrieval.module';
import { FullTextLeg } from './search.ports';

/**
 * BM25 statistics are corpus-wide, so this suite gets a database of its own: the expected
 * scores below were worked out by hand for exactly these four chunks (k1 0.9, b 0.4).
 */
describe('BM25 full-text leg (PostgreSQL)', () => {
  let app: INestApplicationContext;
  let em: EntityManager;
  const own = randomUUID();
  const other = randomUUID();
  const files = { a: randomUUID(), b: randomUUID(), c: randomUUID(), otherPrivate: randomUUID() };
  // One chunk per file, under a stable id as ingestion gives it, so indexing again updates the row.
  const chunkOf = new Map<string, string>(Object.values(files).map((id) => [id, randomUUID()]));
  const scope = accessScopeOf({ departmentId: own });

  const inContext = <T>(work: () => Promise<T>) => RequestContext.create(app.get(MikroORM).em, work);
  const search = (query: string, limit = 10) => inContext(() => app.get(FullTextLeg).search(query, scope, limit));

  async function addFile(id: string, departmentId: string, visibility: 'department' | 'organization', text: string) {
    if (!chunkOf.has(id)) chunkOf.set(id, randomUUID());
    await em.getConnection().execute(
      `insert into files (id, filename, mime_type, size_bytes, sha256, department_id, visibility, status, storage_key, uploaded_by, created_at, updated_at)
       values (?, ?, 'text/plain', 1, ?, ?, ?, 'ready', 'k', ?, now(), now())`,
      [id, `${id}.txt`, randomUUID(), departmentId, visibility, randomUUID()],
    );
    await indexGeneration(app, { id, departmentId, visibility }, [{ id: chunkOf.get(id)!, index: 0, text, page: null, headingPath: [] }]);
  }

  async function stats() {
    const [row] = await em.getConnection().execute<Array<{ stored: string; total: string; counted: string; summed: string }>>(
      `select s.chunk_count as stored, s.total_length as total, (select count(*) from chunks) as counted,
              (select coalesce(sum(tsv_length), 0) from chunks) as summed
         from chunk_text_stats s`,
    );
    return { chunkCount: Number(row.stored), totalLength: Number(row.total), counted: Number(row.counted), summed: Number(row.summed) };
  }

  /** The postings against what the tsvectors say they should be, row for row. */
  async function postings() {
    const [row] = await em.getConnection().execute<Array<{ stored: string; lexemes: string; differing: string }>>(
      `with expected as (
         select t.lexeme collate "C" as lexeme, c.id as chunk_id, cardinality(t.positions) as tf, c.tsv_length as chunk_length
           from chunks c, unnest(c.tsv) t
       )
       select (select count(*) from chunk_terms) as stored, (select count(*) from expected) as lexemes,
              (select count(*) from ((table expected except all table chunk_terms) union all (table chunk_terms except all table expected)) d) as differing`,
    );
    return { stored: Number(row.stored), lexemes: Number(row.lexemes), differing: Number(row.differing) };
  }

  const postingsOf = (fileId: string) =>
    em.getConnection().execute<Array<{ lexeme: string; tf: number }>>('select lexeme, tf from chunk_terms where chunk_id = ? order by lexeme', [chunkOf.get(fileId)]);

  beforeAll(async () => {
    const databaseUrl = await createMigratedDatabase('bm25');
    useTestEnvironment({ DATABASE_URL: databaseUrl, CHROMA_COLLECTION: `bm25_${randomUUID().slice(0, 8)}` });
    const moduleRef = await Test.createTestingModule({ imports: [PlatformModule, LlmModule, RetrievalModule] }).compile();
    app = await moduleRef.init();
    em = app.get(EntityManager);
    for (const id of [own, other]) await em.getConnection().execute('insert into departments (id, name, created_at) values (?, ?, now())', [id, `BM25 ${id}`]);
    await addFile(files.a, own, 'department', 'zebra zebra lion');
    await addFile(files.b, own, 'department', 'zebra tiger tiger tiger');
    await addFile(files.c, other, 'organization', 'lion tiger');
    await addFile(files.otherPrivate, other, 'department', 'zebra');
  });
  afterAll(() => app?.close());

  it('keeps the chunk count and total length in step with the rows', async () => {
    expect(await stats()).toEqual({ chunkCount: 4, totalLength: 10, counted: 4, summed: 10 });
  });

  it('keeps one posting per lexeme of every chunk', async () => {
    // zebra+lion, zebra+tiger, lion+tiger, zebra
    expect(await postings()).toEqual({ stored: 7, lexemes: 7, differing: 0 });
    expect(await postingsOf(files.b)).toEqual([
      { lexeme: 'tiger', tf: 3 },
      { lexeme: 'zebra', tf: 1 },
    ]);
  });

  it('scores by BM25 over corpus-wide statistics, returning only chunks the reader may see', async () => {
    // N 4, average length 2.5, "zebra" in 3 chunks: idf = ln(1 + 1.5 / 3.5) = 0.356675.
    // A: tf 2, length 3 → 0.356675 · 2 · 1.9 / (2 + 0.9 · (0.6 + 0.4 · 3 / 2.5)) = 0.456045
    // B: tf 1, length 4 → 0.356675 · 1.9 / (1 + 0.9 · (0.6 + 0.4 · 4 / 2.5)) = 0.320266
    // The other department's private chunk counts in the statistics but is never returned.
    const hits = await search('Zebras?');
    expect(hits.map((hit) => hit.fileId)).toEqual([files.a, files.b]);
    expect(hits[0].score).toBeCloseTo(0.456045, 5);
    expect(hits[1].score).toBeCloseTo(0.320266, 5);
  });

  it('adds the scores of several query words and ignores stopwords', async () => {
    const hits = await search('the lions and the tigers');
    expect(new Set(hits.map((hit) => hit.fileId))).toEqual(new Set([files.a, files.b, files.c]));
    expect(hits[0].fileId).toBe(files.c); // the only chunk with both words
  });

  it('forgets a deleted file in its results, statistics and postings', async () => {
    await inContext(() => app.get(ChunkIndex).deleteFileChunks(files.a));
    expect(await stats()).toEqual({ chunkCount: 3, totalLength: 7, counted: 3, summed: 7 });
    expect(await postingsOf(files.a)).toEqual([]);
    expect(await postings()).toEqual({ stored: 5, lexemes: 5, differing: 0 });
    // N 3, average 7/3, df 2: idf = ln(1.6); B = 0.470004 · 1.9 / (1 + 0.9 · (0.6 + 0.4 · 4 / (7/3))) = 0.413977
    const hits = await search('zebra');
    expect(hits.map((hit) => hit.fileId)).toEqual([files.b]);
    expect(hits[0].score).toBeCloseTo(0.413977, 5);
  });

  it('replaces the statistics and postings of a file indexed again with different text', async () => {
    // The same generation written again (a retried job): the row is overwritten in place.
    await indexGeneration(app, { id: files.b, departmentId: own, visibility: 'department' }, [{ id: chunkOf.get(files.b)!, index: 0, text: 'tiger', page: null, headingPath: [] }]);
    expect(await stats()).toEqual({ chunkCount: 3, totalLength: 4, counted: 3, summed: 4 });
    expect(await search('zebra')).toEqual([]);
    expect(await postingsOf(files.b)).toEqual([{ lexeme: 'tiger', tf: 1 }]);
    expect(await postings()).toEqual({ stored: 4, lexemes: 4, differing: 0 });
  });

  it('finds the reader’s chunks behind many better ones of another department', async () => {
    const best = randomUUID();
    const weakest = randomUUID();
    await addFile(best, own, 'department', 'gazelle gazelle gazelle gazelle');
    for (let i = 0; i < 40; i++) await addFile(randomUUID(), other, 'department', 'gazelle gazelle gazelle');
    await addFile(weakest, own, 'department', 'gazelle lion');
    expect((await search('gazelle', 2)).map((hit) => hit.fileId)).toEqual([best, weakest]);
    expect((await search('gazelle', 1)).map((hit) => hit.fileId)).toEqual([best]);
  });

  it('finds a reworded word through its related words, weighted below the word itself', async () => {
    const direct = randomUUID();
    const reworded = randomUUID();
    await addFile(direct, own, 'department', 'the rollout checklist');
    await addFile(reworded, own, 'department', 'the release rolls out in waves');
    const hits = await search('rollout');
    expect(hits.map((hit) => hit.fileId)).toEqual([direct, reworded]);
    // "roll" stands in for "rollout" as a compound's part (factor 0.8) at the expansion weight 0.3.
    const [asked] = await search('roll');
    expect(asked.fileId).toBe(reworded);
    expect(hits[1].score).toBeCloseTo(asked.score * 0.3 * 0.8, 6);
  });

  it('counts an irregular form of a query word as the word itself', async () => {
    const kept = randomUUID();
    await addFile(kept, own, 'department', 'backups are kept for 35 days');
    const [viaForm] = await search('keep');
    const [direct] = await search('kept');
    expect(viaForm.fileId).toBe(kept);
    expect(viaForm.score).toBeCloseTo(direct.score, 6);
  });

  it('empties the postings and statistics when the chunks are truncated', async () => {
    await em.getConnection().execute('truncate chunks', [], 'run');
    expect(await postings()).toEqual({ stored: 0, lexemes: 0, differing: 0 });
    expect(await stats()).toEqual({ chunkCount: 0, totalLength: 0, counted: 0, summed: 0 });
  });
});
