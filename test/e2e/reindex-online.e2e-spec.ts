import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { ChatLoop, type ChatOutcome } from './support/chat-loop';
import { createSession, startApi, type TestUser } from './support/test-app';
import { startWorker } from './support/test-worker';

// Issue 18, item 12: a reindexed file keeps answering with its chunks until the new ones are
// indexed, then switches at once, never answering with none or with both.
const tag = randomUUID().slice(0, 8);
const storageDir = path.join(process.env.TEST_DATA_DIR ?? '/tmp', `reindex-blobs-${tag}`);
const settings = {
  STORAGE_DIR: storageDir,
  CHROMA_COLLECTION: `reindex_${tag}`,
  EMBEDDING_DIMENSION: '256',
  INGEST_ATTEMPTS: '2',
  // Every chat searches afresh: a cached answer would hide what search itself returns.
  RETRIEVAL_CACHE_TTL_SECONDS: '0',
  CHAT_RATE_LIMIT_PER_MINUTE: '100000',
};
const QUESTION = 'What is the quenvarth flange tolerance?';

jest.setTimeout(180_000);

describe('reindexing a file while people ask about it', () => {
  let app: INestApplication;
  let worker: INestApplicationContext | null = null;
  let http: ReturnType<typeof request>;
  let chatUrl: string;
  let admin: TestUser;
  let member: TestUser;
  let target: string;

  const file = async (id: string) => (await http.get(`/api/v1/files/${id}`).set(admin.auth).expect(200)).body;
  const chunkIds = async (id: string) =>
    (await app.get(EntityManager).getConnection().execute<Array<{ id: string }>>('select id from chunks where file_id = ? order by chunk_index', [id])).map((row) => row.id);

  async function upload(name: string, text: string): Promise<string> {
    const { body } = await http.post('/api/v1/files').set(admin.auth).attach('file', Buffer.from(text), name).expect(202);
    return body.id;
  }

  async function until(fileId: string, done: (view: { status: string }) => boolean, seen: string[] = [], timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const view = await file(fileId);
      if (seen.at(-1) !== view.status) seen.push(view.status);
      if (done(view)) return view;
      if (Date.now() > deadline) throw new Error(`file ${fileId} still ${view.status}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Every chat answered and cited the file, all of one generation's chunks: one of these sets. */
  function expectCitedEveryTime(outcomes: ChatOutcome[], generations: string[][]) {
    for (const outcome of outcomes) {
      expect({ status: outcome.status, events: outcome.events }).toEqual({ status: 200, events: expect.stringMatching(/ token( token)* citations done$/) });
      expect(outcome.fileIds).toContain(target);
      const cited = outcome.chunkIds.filter((id) => generations.flat().includes(id));
      expect(cited.length).toBeGreaterThan(0);
      expect(generations.filter((ids) => cited.some((id) => ids.includes(id)))).toHaveLength(1);
    }
  }

  beforeAll(async () => {
    app = await startApi(settings);
    await app.listen(0, '127.0.0.1');
    chatUrl = `${await app.getUrl()}/api/v1/chat`;
    http = request(app.getHttpServer());
    worker = await startWorker(settings);
    admin = await createSession(app, 'admin');
    member = await createSession(app, 'member', admin.departmentId);
    const filler = (topic: string, n: number) =>
      Array.from({ length: n }, (_, i) => `Section ${i} of the ${topic} manual describes routine inspection steps, the parts involved and who signs off on them.`).join('\n\n');
    target = await upload('flanges.txt', `${filler('flange', 60)}\n\nThe quenvarth flange tolerance is 0.35 millimetres at room temperature.\n\n${filler('gasket', 60)}\n`);
    const others = [await upload('pumps.txt', filler('pump', 20)), await upload('valves.txt', filler('valve', 20))];
    for (const id of [target, ...others]) await until(id, (view) => view.status === 'ready');
  });
  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  it('keeps citing the file through queued and processing, then switches to the new chunks at once', async () => {
    const before = await chunkIds(target);
    expect(before.length).toBeGreaterThan(5);
    const loop = new ChatLoop(chatUrl, member.auth, QUESTION).start();
    try {
      await loop.more(3);
      // No worker: the reindex waits queued, as in a long queue.
      await worker!.close();
      worker = null;
      const requestedAt = Date.now();
      const { body: queued } = await http.post(`/api/v1/files/${target}/reindex`).set(admin.auth).expect(202);
      expect(queued).toMatchObject({ status: 'queued', searchable: true, chunkCount: before.length });
      await loop.more(5);
      expect(await file(target)).toMatchObject({ status: 'queued', searchable: true });

      const statuses: string[] = [];
      const workerStartedAt = Date.now();
      worker = await startWorker(settings);
      const ready = await until(target, (view) => view.status === 'ready', statuses);
      const readyAt = Date.now();
      expect(ready).toMatchObject({ status: 'ready', searchable: true, chunkCount: before.length });
      await loop.more(3);
      const outcomes = await loop.stop();

      const after = await chunkIds(target);
      expect(after).toHaveLength(before.length);
      expect(after.filter((id) => before.includes(id))).toEqual([]);
      expectCitedEveryTime(outcomes, [before, after]);
      // Queued for the reindex, the file answered with the chunks it had; once ready, with the new ones.
      const whileQueued = outcomes.filter((o) => o.startedAt > requestedAt && o.endedAt < workerStartedAt);
      expect(whileQueued.length).toBeGreaterThanOrEqual(5);
      expect(whileQueued.every((o) => o.chunkIds.some((id) => before.includes(id)))).toBe(true);
      const afterReady = outcomes.filter((o) => o.startedAt > readyAt);
      expect(afterReady.length).toBeGreaterThanOrEqual(3);
      expect(afterReady.every((o) => o.chunkIds.some((id) => after.includes(id)))).toBe(true);
      expect(statuses).toContain('ready');
      expect(outcomes.at(-1)!.answer).toContain('0.35 millimetres');
    } finally {
      await loop.stop();
    }
  });

  it('keeps serving the chunks it had when a reindex fails, and says so on the file', async () => {
    const live = await chunkIds(target);
    const [{ storage_key: key }] = await app.get(EntityManager).getConnection().execute<Array<{ storage_key: string }>>('select storage_key from files where id = ?', [target]);
    rmSync(path.join(storageDir, key.slice(0, 2), key)); // the bytes are gone: every attempt fails
    const loop = new ChatLoop(chatUrl, member.auth, QUESTION).start();
    try {
      await loop.more(2);
      await http.post(`/api/v1/files/${target}/reindex`).set(admin.auth).expect(202);
      const failed = await until(target, (view) => view.status === 'failed');
      expect(failed).toMatchObject({ status: 'failed', searchable: true, chunkCount: live.length, error: { code: 'ingestion_failed', message: expect.stringMatching(/ENOENT|no such file/) } });
      await loop.more(3);
      expectCitedEveryTime(await loop.stop(), [live]);
      expect(await chunkIds(target)).toEqual(live);
    } finally {
      await loop.stop();
    }
  });
});
