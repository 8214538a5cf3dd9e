import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { EntityManager, MikroORM as PostgresOrm } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { EmbeddingModel, LlmModule } from '@app/llm';
import { PlatformModule } from '@app/platform';
import { useTestEnvironment } from '../../../../test/e2e/support/test-app';
import { RetrievalModule } from '../retrieval.module';
import { ChunkIndex, SearchStatistics } from './indexing.ports';

/** Planner statistics are per database, so this suite gets one of its own, fresh from the migrations. */
describe('Search statistics (PostgreSQL)', () => {
  let app: INestApplicationContext;
  let em: EntityManager;
  const department = randomUUID();

  const lastAnalyzed = async () => {
    const rows = await em.getConnection().execute<Array<{ table: string; analyzed: Date | null }>>(
      `select relname as "table", coalesce(last_analyze, last_autoanalyze) as analyzed from pg_stat_user_tables where relname in ('chunks', 'chunk_terms')`,
    );
    return Object.fromEntries(rows.map((row) => [row.table, row.analyzed]));
  };

  /** Backends report row changes to the statistics system within about a second, not at once. */
  async function refreshOnceReported(): Promise<string[]> {
    for (let attempt = 0; attempt < 40; attempt++) {
      const analyzed = await app.get(SearchStatistics).refreshIfStale();
      if (analyzed.length > 0) return analyzed;
      await sleep(250);
    }
    return [];
  }

  async function indexFile(words: string[]) {
    const id = randomUUID();
    await em.getConnection().execute(
      `insert into files (id, filename, mime_type, size_bytes, sha256, department_id, visibility, status, storage_key, uploaded_by, created_at, updated_at)
       values (?, 'notes.txt', 'text/plain', 1, ?, ?, 'department', 'ready', 'k', ?, now(), now())`,
      [id, randomUUID(), department, randomUUID()],
    );
    const texts = words.map((word, index) => `${word} appears in note ${index} with a few other words`);
    const vectors = await app.get(EmbeddingModel).embedDocuments(texts);
    const chunks = texts.map((text, index) => ({ id: randomUUID(), index, text, page: null, headingPath: [], vector: vectors[index] }));
    await RequestContext.create(app.get(MikroORM).em, () => app.get(ChunkIndex).replaceFileChunks({ id, departmentId: department, visibility: 'department' }, chunks));
  }

  beforeAll(async () => {
    const server = await PostgresOrm.init({ clientUrl: process.env.DATABASE_URL, entities: [], discovery: { warnWhenNoEntities: false } });
    const name = `stats_${randomUUID().slice(0, 8)}`;
    await server.em.getConnection().execute(`create database "${name}"`);
    await server.close(true);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const { migrateUp } = await import('../../../../scripts/lib/migrate.mjs');
    await migrateUp(url.toString());

    useTestEnvironment({ DATABASE_URL: url.toString(), CHROMA_COLLECTION: `stats_${randomUUID().slice(0, 8)}` });
    app = await (await Test.createTestingModule({ imports: [PlatformModule, LlmModule, RetrievalModule] }).compile()).init();
    em = app.get(EntityManager);
    await em.getConnection().execute('insert into departments (id, name, created_at) values (?, ?, now())', [department, 'Statistics']);
  });
  afterAll(() => app?.close());

  it('analyzes the search tables once a load has changed them, and leaves them alone after', async () => {
    await indexFile(Array.from({ length: 120 }, (_, i) => `word${i}`));
    expect(await refreshOnceReported()).toEqual(expect.arrayContaining(['chunks', 'chunk_terms']));
    const analyzed = await lastAnalyzed();
    expect(analyzed.chunks).not.toBeNull();
    expect(analyzed.chunk_terms).not.toBeNull();
    expect(await app.get(SearchStatistics).refreshIfStale()).toEqual([]);
  });

  it('leaves current statistics alone after a change smaller than a tenth of the table', async () => {
    await indexFile(['one more']);
    await sleep(1500);
    expect(await app.get(SearchStatistics).refreshIfStale()).toEqual([]);
  });
});
