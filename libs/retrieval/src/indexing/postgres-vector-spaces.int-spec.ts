import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { ChromaClient } from 'chromadb';
import { randomUUID } from 'node:crypto';
import { EmbeddingModels, LlmModule } from '@app/llm';
import { AppConfigModule, PlatformModule } from '@app/platform';
import { createMigratedDatabase } from '../../../../test/e2e/support/own-database';
import { indexGeneration } from '../../../../test/e2e/support/index-generation';
import { useTestEnvironment } from '../../../../test/e2e/support/test-app';
import { accessScopeOf } from '../domain/access-scope';
import type { IndexedChunk, IndexedFile } from '../domain/indexed-chunk';
import type { VectorSpaceInfo } from '../domain/vector-space';
import { RetrievalModule } from '../retrieval.module';
import { nearestReadableIds } from '../search/nearest-readable-ids';
import { ChunkStore, VectorLeg } from '../search/search.ports';
import { ChromaCollections } from './chroma-collections';
import { VectorBackfill, VectorSpaces } from './indexing.ports';

const OLD_MODEL = { modelId: 'local-hashed-v1-d16', dimension: 16 };
const NEW_MODEL = { modelId: 'local-hashed-v1-d8', dimension: 8 };

/**
 * A re-embed against PostgreSQL and Chroma: the new space is filled beside the live one from the
 * chunk rows, searches keep the old one until the switch, then take the new one. The backfill
 * reads every file of its database, so the suite has one of its own.
 */
describe('Vector spaces and the re-embed backfill (PostgreSQL + Chroma)', () => {
  let app: INestApplicationContext;
  let em: EntityManager;
  const base = `spaces_${randomUUID().slice(0, 8)}`;
  const departmentId = randomUUID();
  const chroma = () => {
    const url = new URL(process.env.CHROMA_URL!);
    return new ChromaClient({ host: url.hostname, port: Number(url.port) });
  };

  const inContext = <T>(work: () => Promise<T>) => RequestContext.create(app.get(MikroORM).em, work);
  const spaces = () => app.get(VectorSpaces);

  async function addFile(topic: string, chunks = 2): Promise<IndexedFile> {
    const file: IndexedFile = { id: randomUUID(), departmentId, visibility: 'organization' };
    await em.getConnection().execute(
      `insert into files (id, filename, mime_type, size_bytes, sha256, department_id, visibility, status, storage_key, uploaded_by, created_at, updated_at, chunk_count)
       values (?, ?, 'text/plain', 1, ?, ?, 'organization', 'ready', 'k', ?, now(), now(), ?)`,
      [file.id, `${topic}.txt`, randomUUID(), departmentId, randomUUID(), chunks],
    );
    const indexed: IndexedChunk[] = Array.from({ length: chunks }, (_, index) => ({ id: randomUUID(), index, text: `${topic} part ${index}`, page: null, headingPath: [] }));
    await indexGeneration(app, file, indexed);
    return file;
  }

  /** The vector leg's ids for a query, as a reader of every file sees them. */
  const nearest = (query: string) => inContext(() => nearestReadableIds(app.get(VectorLeg), app.get(ChunkStore), query, accessScopeOf({ departmentIds: [randomUUID()] }), 20));
  const fileOfChunk = async (ids: string[]) =>
    new Set((await em.getConnection().execute<Array<{ file_id: string }>>('select file_id from chunks where id in (?)', [ids.length ? ids : [randomUUID()]])).map((row) => row.file_id));

  /** Runs the backfill to the end, as the re-embed job does. */
  async function fill(space: VectorSpaceInfo, maxChunks = 3) {
    const model = app.get(EmbeddingModels).forModelId(space.modelId);
    for (let after: string | null = null; ;) {
      const files = await inContext(() => app.get(VectorBackfill).pending(space.id, after, maxChunks));
      if (files.length === 0) return;
      const vectors = await Promise.all(files.map(({ chunks }) => model.embedDocuments(chunks.map((chunk) => chunk.text))));
      await inContext(() => app.get(VectorBackfill).store(space, files, vectors));
      after = files[files.length - 1].file.id;
    }
  }

  beforeAll(async () => {
    const databaseUrl = await createMigratedDatabase('spaces');
    // The collection an earlier deployment built with another model, before spaces were recorded.
    await chroma().createCollection({ name: base, embeddingFunction: null, configuration: { hnsw: { space: 'cosine' } }, metadata: { embeddingModel: OLD_MODEL.modelId, embeddingDimension: 16 } });
    useTestEnvironment({ DATABASE_URL: databaseUrl, CHROMA_COLLECTION: base, EMBEDDING_DIMENSION: '8', RETRIEVAL_CACHE_TTL_SECONDS: '0' });
    app = await (await Test.createTestingModule({ imports: [AppConfigModule.forRoot(), PlatformModule, LlmModule, RetrievalModule] }).compile()).init();
    em = app.get(EntityManager);
    await em.getConnection().execute('insert into departments (id, name, created_at) values (?, ?, now())', [departmentId, 'Spaces']);
  });
  afterAll(() => app?.close());

  let live: VectorSpaceInfo;
  let building: VectorSpaceInfo;
  const files: IndexedFile[] = [];

  it('adopts the collection searches used before, with the model it records, and searches it with that model', async () => {
    live = await inContext(() => spaces().live());
    expect(live).toMatchObject({ collection: base, ...OLD_MODEL, state: 'live' });
    for (const topic of ['lighthouse keeping', 'glacier drilling', 'orchard grafting']) files.push(await addFile(topic));
    const [vector] = await app.get(ChromaCollections).idsWhere(base, { fileId: { $eq: files[0].id } });
    expect(vector).toBeDefined();
    expect(await fileOfChunk(await nearest('glacier drilling'))).toContain(files[1].id);
  });

  it('builds one space at a time beside the live one, which searches keep using', async () => {
    building = (await inContext(() => spaces().startBuilding(NEW_MODEL)))!;
    expect(building).toMatchObject({ collection: expect.stringMatching(new RegExp(`^${base}_[0-9a-f]{8}$`)), ...NEW_MODEL, state: 'building' });
    expect(await inContext(() => spaces().startBuilding(NEW_MODEL))).toBeNull();
    expect(await inContext(() => spaces().buildStatus())).toMatchObject({ status: 'running', model: NEW_MODEL.modelId, total: 6, done: 0, finishedAt: null, error: null });
    expect((await inContext(() => spaces().active())).map((space) => space.id)).toEqual([live.id, building.id]);
    expect((await inContext(() => spaces().live())).id).toBe(live.id);
  });

  it('refuses to switch while a live file is missing from the new space, and reports progress', async () => {
    const first = await inContext(() => app.get(VectorBackfill).pending(building.id, null, 3));
    expect(first.map(({ file }) => file.id)).toEqual(
      [...files]
        .map((f) => f.id)
        .sort()
        .slice(0, 2),
    ); // 2 + 2 chunks: the second file starts under 3
    const model = app.get(EmbeddingModels).forModelId(NEW_MODEL.modelId);
    const vectors = await Promise.all(first.map(({ chunks }) => model.embedDocuments(chunks.map((chunk) => chunk.text))));
    await inContext(() => app.get(VectorBackfill).store(building, first, vectors));
    expect(await inContext(() => spaces().buildStatus())).toMatchObject({ status: 'running', total: 6, done: 4 });
    expect(await inContext(() => spaces().complete(building.id))).toBe('incomplete');
    expect((await inContext(() => spaces().live())).id).toBe(live.id);
  });

  it('writes a file ingested during the build into both spaces', async () => {
    const during = await addFile('beekeeping in winter', 3);
    files.push(during);
    expect(await app.get(ChromaCollections).idsWhere(base, { fileId: { $eq: during.id } })).toHaveLength(3);
    expect(await app.get(ChromaCollections).idsWhere(building.collection, { fileId: { $eq: during.id } })).toHaveLength(3);
  });

  it('leaves out, and removes again, the vectors of a file deleted while they were computed', async () => {
    const doomed = await addFile('tidal charts');
    // As if it went live before the build began: the new space does not hold it yet.
    await em.getConnection().execute('delete from vector_space_files where file_id = ?', [doomed.id]);
    await app.get(ChromaCollections).deleteWhere(building.collection, { fileId: { $eq: doomed.id } });
    const [pending] = (await inContext(() => app.get(VectorBackfill).pending(building.id, null, 100))).filter(({ file }) => file.id === doomed.id);
    await em.getConnection().execute('update files set deleted_at = now() where id = ?', [doomed.id]);
    const model = app.get(EmbeddingModels).forModelId(NEW_MODEL.modelId);
    const vectors = await model.embedDocuments(pending.chunks.map((chunk) => chunk.text));
    await inContext(() => app.get(VectorBackfill).store(building, [pending], [vectors]));
    expect(await app.get(ChromaCollections).idsWhere(building.collection, { fileId: { $eq: doomed.id } })).toEqual([]);
    const [{ n }] = await em.getConnection().execute('select count(*)::int as n from vector_space_files where file_id = ?', [doomed.id]);
    expect(n).toBe(0);
  });

  it('switches once complete: searches take the new space with its model, and the old collection goes', async () => {
    await fill(building);
    expect(await inContext(() => spaces().complete(building.id))).toBe('switched');
    expect(await inContext(() => spaces().live())).toMatchObject({ id: building.id, ...NEW_MODEL, state: 'live' });
    expect(await inContext(() => spaces().buildStatus())).toMatchObject({ status: 'completed', total: 9, done: 9, finishedAt: expect.any(Date) });
    expect(await fileOfChunk(await nearest('beekeeping in winter'))).toContain(files[3].id);
    expect(await fileOfChunk(await nearest('glacier drilling'))).toContain(files[1].id);

    expect(await inContext(() => spaces().dropUnused())).toEqual([base]);
    await expect(chroma().getCollection({ name: base })).rejects.toThrow();
    expect(await inContext(() => spaces().dropUnused())).toEqual([]);
    expect(await inContext(() => spaces().complete(building.id))).toBe('not_building');
  });

  it('holds file changes off while it switches, so a file published meanwhile is never left out', async () => {
    const next = (await inContext(() => spaces().startBuilding(OLD_MODEL)))!;
    await fill(next);
    // Another process publishes a file's first generation, written only to the live space,
    // and commits just after the switch began.
    const straggler: IndexedFile = { id: randomUUID(), departmentId, visibility: 'organization' };
    await em.getConnection().execute(
      `insert into files (id, filename, mime_type, size_bytes, sha256, department_id, visibility, status, storage_key, uploaded_by, created_at, updated_at)
       values (?, 'late.txt', 'text/plain', 1, ?, ?, 'organization', 'processing', 'k', ?, now(), now())`,
      [straggler.id, randomUUID(), departmentId, randomUUID()],
    );
    const other = app.get(MikroORM).em.fork();
    await other.begin();
    try {
      await other.getConnection().execute('update files set live_generation = 0 where id = ?', [straggler.id], 'run', other.getTransactionContext());
      const switching = inContext(() => spaces().complete(next.id));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await other.commit();
      expect(await switching).toBe('incomplete');
    } finally {
      if (other.isInTransaction()) await other.rollback();
    }
    await inContext(() => spaces().fail(next.id, { code: 'reembed_failed', message: 'stopped by the test' }));
    expect(await inContext(() => spaces().buildStatus())).toMatchObject({ status: 'failed', error: { code: 'reembed_failed', message: 'stopped by the test' } });
    expect((await inContext(() => spaces().live())).id).toBe(building.id);
    await expect(chroma().getCollection({ name: next.collection })).rejects.toThrow();
  });
});
