import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { LlmModule } from '@app/llm';
import { AppConfigModule, PlatformModule } from '@app/platform';
import { createMigratedDatabase } from '../../../../test/e2e/support/own-database';
import { indexGeneration } from '../../../../test/e2e/support/index-generation';
import { useTestEnvironment } from '../../../../test/e2e/support/test-app';
import { RetrievalModule } from '../retrieval.module';
import { SearchTableMaintenance } from './indexing.ports';

/** Vacuum and statistics state is per database, so this suite gets one of its own, fresh from the migrations. */
describe('Search table maintenance (PostgreSQL)', () => {
  let app: INestApplicationContext;
  let em: EntityManager;
  const department = randomUUID();

  const catchUp = (vacuum = true) => app.get(SearchTableMaintenance).catchUp({ vacuum });

  const lastDone = async (table: string) => {
    const [row] = await em
      .getConnection()
      .execute<Array<{ vacuumed: string | null; analyzed: string | null }>>(
        `select coalesce(last_vacuum, last_autovacuum) as vacuumed, coalesce(last_analyze, last_autoanalyze) as analyzed from pg_stat_user_tables where relname = ?`,
        [table],
      );
    return row;
  };

  /**
   * Backends report row changes to the statistics system at most once a second, and one that
   * reported less than a second ago holds the rest until it has been idle for ten seconds. So
   * this catches up until `enough` holds for all it did, giving up after fifteen seconds.
   */
  async function catchUpUntil(vacuum: boolean, enough: (done: { vacuumed: string[]; analyzed: string[] }) => boolean) {
    const done = { vacuumed: [] as string[], analyzed: [] as string[] };
    for (let attempt = 0; attempt < 60 && !enough(done); attempt++) {
      const more = await catchUp(vacuum);
      done.vacuumed.push(...more.vacuumed);
      done.analyzed.push(...more.analyzed);
      await sleep(250);
    }
    return done;
  }

  async function indexFile(words: string[]) {
    const id = randomUUID();
    await em.getConnection().execute(
      `insert into files (id, filename, mime_type, size_bytes, sha256, department_id, visibility, status, storage_key, uploaded_by, created_at, updated_at)
       values (?, 'notes.txt', 'text/plain', 1, ?, ?, 'department', 'ready', 'k', ?, now(), now())`,
      [id, randomUUID(), department, randomUUID()],
    );
    const texts = words.map((word, index) => `${word} alpha${index} bravo${index} charlie${index} delta${index} echo${index} foxtrot${index} golf${index}`);
    const chunks = texts.map((text, index) => ({ id: randomUUID(), index, text, page: null, headingPath: [] }));
    await indexGeneration(app, { id, departmentId: department, visibility: 'department' }, chunks);
  }

  beforeAll(async () => {
    const databaseUrl = await createMigratedDatabase('stats');
    useTestEnvironment({ DATABASE_URL: databaseUrl, CHROMA_COLLECTION: `stats_${randomUUID().slice(0, 8)}` });
    app = await (await Test.createTestingModule({ imports: [AppConfigModule.forRoot(), PlatformModule, LlmModule, RetrievalModule] }).compile()).init();
    em = app.get(EntityManager);
    // Autovacuum acting first would leave the upkeep nothing due; these tests are about the upkeep.
    for (const table of ['chunk_terms', 'chunks', 'files']) await em.getConnection().execute(`alter table ${table} set (autovacuum_enabled = off)`);
    await em.getConnection().execute('insert into departments (id, name, created_at) values (?, ?, now())', [department, 'Statistics']);
  });
  afterAll(() => app?.close());

  it('only analyzes while a load is still running, when asked not to vacuum', async () => {
    await indexFile(Array.from({ length: 200 }, (_, i) => `early${i}`));
    const done = await catchUpUntil(false, ({ analyzed }) => analyzed.includes('chunks') && analyzed.includes('chunk_terms'));
    expect(done.vacuumed).toEqual([]);
    expect(done.analyzed).toEqual(expect.arrayContaining(['chunks', 'chunk_terms']));
  });

  it('vacuums a table a load added many rows to and analyzes one it changed, then leaves both alone', async () => {
    // 3,200 postings since the last vacuum (past 1,000 added rows and a fifth); 200 new chunks of 400 (past 50 and a tenth).
    await indexFile(Array.from({ length: 200 }, (_, i) => `word${i}`));
    const done = await catchUpUntil(true, ({ vacuumed, analyzed }) => vacuumed.includes('chunk_terms') && [...vacuumed, ...analyzed].includes('chunks'));
    expect(done.vacuumed).toContain('chunk_terms');
    expect([...done.vacuumed, ...done.analyzed]).toContain('chunks');
    const terms = await lastDone('chunk_terms');
    expect(terms.vacuumed).not.toBeNull();
    expect(terms.analyzed).not.toBeNull();
    expect((await lastDone('chunks')).analyzed).not.toBeNull();
    expect(await catchUp()).toEqual({ vacuumed: [], analyzed: [] });
  });

  it('leaves the tables alone after a change too small for either rule', async () => {
    await indexFile(['one more']);
    await sleep(1500);
    expect(await catchUp()).toEqual({ vacuumed: [], analyzed: [] });
  });
});
