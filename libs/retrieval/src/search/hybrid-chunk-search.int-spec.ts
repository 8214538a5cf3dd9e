import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Where } from 'chromadb';
import { EmbeddingModel, LlmModule } from '@app/llm';
import { indexGeneration } from '../../../../test/e2e/support/index-generation';
import { createMigratedDatabase } from '../../../../test/e2e/support/own-database';
import { AppConfigModule, PlatformModule } from '@app/platform';
import { useTestEnvironment } from '../../../../test/e2e/support/test-app';
import { accessScopeOf, scopeAdmits, type ChunkPlacement } from '../domain/access-scope';
import { ChromaClient } from 'chromadb';
import { VectorSpaces } from '../indexing/indexing.ports';
import { RetrievalModule } from '../retrieval.module';
import { chromaWhereOf } from './chroma-where';
import { nearestReadableIds } from './nearest-readable-ids';
import { ChunkSearch, ChunkStore, FullTextLeg, VectorLeg } from './search.ports';

const TOPICS = ['parental leave lasts sixteen weeks', 'travel expenses are reimbursed within thirty days', 'the server room code is 4471'];

describe('hybrid chunk search (PostgreSQL + Chroma + Redis)', () => {
  let app: INestApplicationContext;
  let em: EntityManager;
  const own = randomUUID();
  const other = randomUUID();
  const files = {
    ownPrivate: randomUUID(),
    otherPrivate: randomUUID(),
    otherOrgWide: randomUUID(),
    ownDeleted: randomUUID(),
    ownProcessing: randomUUID(),
  };

  const inContext = <T>(work: () => Promise<T>) => RequestContext.create(app.get(MikroORM).em, work);

  async function addFile(id: string, departmentId: string, visibility: 'department' | 'organization', extra: { status?: string; deleted?: boolean } = {}) {
    await em.getConnection().execute(
      `insert into files (id, filename, mime_type, size_bytes, sha256, department_id, visibility, status, storage_key, uploaded_by, created_at, updated_at, deleted_at)
       values (?, ?, 'text/plain', 1, ?, ?, ?, ?, 'k', ?, now(), now(), ${extra.deleted ? 'now()' : 'null'})`,
      [id, `${id}.txt`, randomUUID(), departmentId, visibility, extra.status ?? 'ready', randomUUID()],
    );
    const texts = TOPICS.map((topic) => `${topic} (file ${id})`);
    const chunks = texts.map((text, index) => ({ id: randomUUID(), index, text, page: index + 1, headingPath: [] }));
    // A file still processing has written its first generation but not published it.
    await indexGeneration(app, { id, departmentId, visibility }, chunks, { publish: extra.status !== 'processing' });
  }

  beforeAll(async () => {
    // A database of its own: the assertions below name every file a reader may get, and the
    // suite's shared database holds other files' organisation-wide chunks (readable by anyone,
    // so rightly found for these words) from whichever suites ran before or run beside this one.
    const databaseUrl = await createMigratedDatabase('hybrid_search');
    useTestEnvironment({ DATABASE_URL: databaseUrl, CHROMA_COLLECTION: `search_${randomUUID().slice(0, 8)}`, RETRIEVAL_CACHE_TTL_SECONDS: '60' });
    const moduleRef = await Test.createTestingModule({ imports: [AppConfigModule.forRoot(), PlatformModule, LlmModule, RetrievalModule] }).compile();
    app = await moduleRef.init();
    em = app.get(EntityManager);
    for (const id of [own, other]) await em.getConnection().execute('insert into departments (id, name, created_at) values (?, ?, now())', [id, `Search ${id}`]);
    await addFile(files.ownPrivate, own, 'department');
    await addFile(files.otherPrivate, other, 'department');
    await addFile(files.otherOrgWide, other, 'organization');
    await addFile(files.ownDeleted, own, 'department', { deleted: true });
    await addFile(files.ownProcessing, own, 'department', { status: 'processing' });
  });
  afterAll(() => app?.close());

  const readable = new Set([files.ownPrivate, files.otherOrgWide]);

  it.each(TOPICS.concat(['server room code', 'what is in the file', 'sixteen', 'reimbursed']))('returns only chunks the reader may see, from both legs, for "%s"', async (query) => {
    const scope = accessScopeOf({ departmentIds: [own] });
    const hits = await inContext(() => app.get(ChunkSearch).search({ query, scope, limit: 20 }));
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(readable).toContain(hit.fileId);

    const textHits = await inContext(() => app.get(FullTextLeg).search(query, scope, 50));
    for (const hit of textHits) expect(readable).toContain(hit.fileId);
    const vectorIds = new Set(await inContext(() => nearestReadableIds(app.get(VectorLeg), app.get(ChunkStore), query, scope, 50)));
    const [{ count }] = await em.getConnection().execute<Array<{ count: string }>>(`select count(*) from chunks where id = any(array[?]::uuid[]) and file_id <> all(array[?]::uuid[])`, [
      [...vectorIds, randomUUID()],
      [...readable, files.ownDeleted, files.ownProcessing],
    ]);
    expect(Number(count)).toBe(0);
  });

  // The chunks of one topic tie across files, so the rankings are compared by distance, and
  // every hit must be one the rule admits.
  it.each([
    ['sees most of the collection', () => accessScopeOf({ departmentIds: [own] })],
    ['sees a little of it', () => accessScopeOf({ departmentIds: [randomUUID()] })],
    ['narrows by a filter', () => accessScopeOf({ departmentIds: [other] }, { departmentIds: [other] })],
  ])('ranks vectors as Chroma’s filtered query does when the reader %s', async (_, scopeOf) => {
    const scope = scopeOf();
    const url = new URL(process.env.CHROMA_URL!);
    const live = await inContext(() => app.get(VectorSpaces).live());
    const collection = await new ChromaClient({ host: url.hostname, port: Number(url.port) }).getCollection({ name: live.collection });
    // Chroma's metadata knows nothing of deleted or unfinished files; PostgreSQL does, so they leave the filter by id.
    const where = { $and: [chromaWhereOf(scope), { fileId: { $nin: [files.ownDeleted, files.ownProcessing] } }] } as Where;
    for (const query of ['parental leave', 'server room code', 'travel']) {
      const [embedding] = await app.get(EmbeddingModel).embedDocuments([query]);
      const everything = await collection.query({ queryEmbeddings: [embedding], nResults: 100, include: ['distances'] });
      const distanceOf = new Map(everything.ids[0].map((id, index) => [id, everything.distances[0][index]!.toFixed(5)]));
      for (const limit of [1, 2, 4, 6]) {
        const filtered = await collection.query({ queryEmbeddings: [embedding], nResults: limit, where, include: ['distances'] });
        const ids = await inContext(() => nearestReadableIds(app.get(VectorLeg), app.get(ChunkStore), query, scope, limit));
        expect(ids.map((id) => distanceOf.get(id))).toEqual(filtered.distances[0].map((d) => d!.toFixed(5)));
        const { metadatas } = await collection.get({ ids, include: ['metadatas'] });
        for (const metadata of metadatas) expect(scopeAdmits(scope, metadata as unknown as ChunkPlacement)).toBe(true);
      }
    }
  });

  it('narrows by filters and never widens past the rule', async () => {
    const byFile = accessScopeOf({ departmentIds: [own] }, { fileIds: [files.otherPrivate, files.otherOrgWide] });
    const hits = await inContext(() => app.get(ChunkSearch).search({ query: 'parental leave', scope: byFile }));
    expect(new Set(hits.map((h) => h.fileId))).toEqual(new Set([files.otherOrgWide]));

    const byDepartment = accessScopeOf({ departmentIds: [own] }, { departmentIds: [own] });
    const own_ = await inContext(() => app.get(ChunkSearch).search({ query: 'parental leave', scope: byDepartment }));
    expect(new Set(own_.map((h) => h.fileId))).toEqual(new Set([files.ownPrivate]));
  });

  it('finds the chunk that holds the fact, with its page', async () => {
    const hits = await inContext(() => app.get(ChunkSearch).search({ query: 'How long is parental leave?', scope: accessScopeOf({ departmentIds: [other] }) }));
    expect(hits[0]).toMatchObject({ page: 1, text: expect.stringContaining('sixteen weeks') });
  });

  it('treats a missing collection as no vectors', async () => {
    useTestEnvironment({ CHROMA_COLLECTION: `missing_${randomUUID().slice(0, 8)}` });
    const moduleRef = await Test.createTestingModule({ imports: [AppConfigModule.forRoot(), PlatformModule, LlmModule, RetrievalModule] }).compile();
    const fresh = await moduleRef.init();
    try {
      const query = await RequestContext.create(fresh.get(MikroORM).em, () => fresh.get(VectorLeg).prepare('parental leave'));
      expect(await query.nearest(5)).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
