import type { INestApplication } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ChromaClient } from 'chromadb';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { freePort, startRedis } from '../../scripts/lib/local-stack.mjs';
import type { RunningChild } from '../../scripts/lib/local-stack.mjs';
import { ChatLoop } from './support/chat-loop';
import { chunkCopyProblems } from './support/chunk-copies';
import { createMigratedDatabase } from './support/own-database';
import { createSession, startApi, testJwtSecret, type TestUser } from './support/test-app';
import { buildWorker, WorkerProcess } from './support/worker-process';
import { waitFor } from './support/eventually';

// Issue 18, item 13: a re-embed builds the new vectors beside the old ones, from the chunks in
// PostgreSQL, while every search keeps answering; it survives a worker stopped and one killed.
// Its own database (the re-embed reads every file of it) and its own Redis (its workers die).
const tag = randomUUID().slice(0, 8);
const workDir = path.join(process.env.TEST_DATA_DIR ?? '/tmp', `reembed-${tag}`);
const base = `reembed_${tag}`;
const OLD_MODEL = 'local-hashed-v1-d256';
const NEW_MODEL = 'local-hashed-v1-d128';
const DOCUMENTS = 250;
const QUESTION = 'What is the velmorite capacitor rated for?';
// A worker's start-up on a machine shared with other test runs can take far longer than alone.
const START_TIMEOUT_MS = 120_000;

jest.setTimeout(400_000);

describe('re-embedding the corpus while people ask about it', () => {
  let redis: RunningChild;
  let settings: Record<string, string>;
  let oldApi: INestApplication; // the deployment before the model change
  let newApi: INestApplication; // a process of the new deployment, configured for the new model
  let admin: TestUser;
  let member: TestUser;
  let target: string;
  let oldWorker: WorkerProcess;
  let newWorker: WorkerProcess;
  const fileIds: string[] = [];

  const http = () => request(oldApi.getHttpServer());
  const em = () => oldApi.get(EntityManager).fork();
  const status = async () => (await http().get('/api/v1/files/reembed').set(admin.auth)).body;
  const liveSpace = async () =>
    (await em().getConnection().execute<Array<{ collection: string; model_id: string }>>(`select collection, model_id from vector_spaces where base = ? and state = 'live'`, [base]))[0];

  async function upload(name: string, text: string): Promise<string> {
    const { body } = await http().post('/api/v1/files').set(admin.auth).field('visibility', 'organization').attach('file', Buffer.from(text), name).expect(202);
    fileIds.push(body.id);
    return body.id;
  }

  function waitForWorker<T>(what: string, check: () => Promise<T>, timeoutMs = 60_000) {
    return waitFor(what, check, { timeoutMs, context: () => `worker log:\n${newWorker?.tail() ?? ''}` });
  }

  const allReady = (ids: string[]) =>
    waitForWorker(
      `${ids.length} files ready`,
      async () => {
        const [{ n }] = await em().getConnection().execute<Array<{ n: number }>>(`select count(*)::int as n from files where status = 'ready' and id in (?)`, [ids]);
        return n === ids.length;
      },
      120_000,
    );

  /** Chunks embedded into the new space, by the worker's own account, across all its restarts. */
  const embeddedChunks = () => [...readFileSync(newWorker.logFile, 'utf8').matchAll(/: (\d+) chunks of \d+ files embedded/g)].reduce((sum, match) => sum + Number(match[1]), 0);

  beforeAll(async () => {
    mkdirSync(workDir, { recursive: true });
    const [databaseUrl, entry, started] = await Promise.all([createMigratedDatabase('reembed'), buildWorker(), freePort().then((port) => startRedis({ dataDir: workDir, port, persistent: true }))]);
    redis = started;
    settings = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      STORAGE_DIR: path.join(workDir, 'blobs'),
      CHROMA_COLLECTION: base,
      INGEST_RECONCILE_INTERVAL_MS: '2000',
      RETRIEVAL_CACHE_TTL_SECONDS: '0',
      CHAT_RATE_LIMIT_PER_MINUTE: '100000',
    };
    oldApi = await startApi({ ...settings, EMBEDDING_DIMENSION: '256' });
    await oldApi.listen(0, '127.0.0.1');
    newApi = await startApi({ ...settings, EMBEDDING_DIMENSION: '128' });
    admin = await createSession(oldApi, 'admin');
    member = await createSession(oldApi, 'member');
    const workerEnv = (dimension: string) => ({
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      CHROMA_URL: process.env.CHROMA_URL!,
      JWT_SECRET: testJwtSecret,
      ...settings,
      EMBEDDING_DIMENSION: dimension,
      // Long enough between batches for the test to stop and kill the worker mid-way.
      REEMBED_BATCH_PAUSE_MS: '3000',
    });
    oldWorker = new WorkerProcess(entry, workerEnv('256'), path.join(workDir, 'old-worker.log'));
    newWorker = new WorkerProcess(entry, workerEnv('128'), path.join(workDir, 'new-worker.log'));

    // The corpus, indexed by the old deployment: ten chunks a document.
    await oldWorker.start(START_TIMEOUT_MS);
    target = await upload('capacitors.md', document('capacitor', 'The velmorite capacitor is rated for 450 volts and 85 degrees.'));
    for (let i = 0; i < DOCUMENTS - 1; i++) await upload(`manual-${i}.md`, document(`machine ${i}`));
    await allReady(fileIds);
    await oldWorker.stop('SIGTERM');
  }, 300_000);

  afterAll(async () => {
    await oldWorker?.stop('SIGKILL');
    await newWorker?.stop('SIGKILL');
    await newApi?.close();
    await oldApi?.close();
    await redis?.stop();
  });

  it('keeps answering with citations from POST until the switch and after, through a stopped and a killed worker', async () => {
    expect((await http().get('/api/v1/files/reembed').set(admin.auth).expect(404)).body.code).toBe('reembed_not_found');
    expect(await liveSpace()).toEqual({ collection: base, model_id: OLD_MODEL });
    await newWorker.start(START_TIMEOUT_MS); // the new deployment's worker; searches still use the old vectors
    const loop = new ChatLoop(`${await oldApi.getUrl()}/api/v1/chat`, member.auth, QUESTION).start();
    const progress: number[] = [];
    try {
      await loop.more(3);
      const requestedAt = Date.now();
      const { body: started } = await request(newApi.getHttpServer()).post('/api/v1/files/reembed').set(admin.auth).expect(202);
      expect(started).toEqual({ status: 'running', model: NEW_MODEL, total: expect.any(Number), done: expect.any(Number), startedAt: expect.any(String) });
      expect(started.total).toBeGreaterThanOrEqual(DOCUMENTS * 10);
      const again = await request(newApi.getHttpServer()).post('/api/v1/files/reembed').set(admin.auth).expect(409);
      expect(again.body).toMatchObject({ code: 'reembed_in_progress', requestId: expect.any(String) });
      const sample = async () => {
        const current = await status();
        progress.push(current.done);
        return current;
      };

      // A worker told to stop pauses after its batch; the next one resumes where it was.
      await waitForWorker('the first batch stored', async () => (await sample()).done > 0);
      await newWorker.stop('SIGTERM');
      const atStop = await sample();
      expect(atStop).toMatchObject({ status: 'running', done: expect.any(Number) });
      expect(atStop.done).toBeLessThan(started.total);
      await newWorker.start(START_TIMEOUT_MS);

      // Uploads while it runs land in both spaces.
      const during = ['zephyrine', 'quillastra', 'morvenite'];
      const duringIds: string[] = [];
      for (const word of during) duringIds.push(await upload(`${word}.md`, `# The ${word} gauge\n\nThe ${word} gauge reads the boiler pressure every minute.\n`));
      await allReady(duringIds);
      // Past what the uploads added (one chunk each): the resumed job copies again.
      await waitForWorker('the copy going on past the stop', async () => (await sample()).done > atStop.done + during.length);

      // A worker killed outright: its job is handed on once its lock expires.
      await newWorker.stop('SIGKILL');
      const atKill = await sample();
      expect(atKill.status).toBe('running');
      await newWorker.start(START_TIMEOUT_MS);
      const finished = await waitForWorker(
        'the re-embed completed',
        async () => {
          const current = await sample();
          return current.status !== 'running' && current;
        },
        240_000,
      );
      const switchedAt = Date.now();
      expect(finished).toEqual({ status: 'completed', model: NEW_MODEL, total: expect.any(Number), done: finished.total, startedAt: started.startedAt, finishedAt: expect.any(String) });
      await loop.more(3);
      const outcomes = await loop.stop();

      // Every chat, before, during and after, answered with the target cited.
      const whileRunning = outcomes.filter((o) => o.startedAt > requestedAt && o.endedAt < switchedAt);
      expect(whileRunning.length).toBeGreaterThanOrEqual(20);
      for (const outcome of outcomes) {
        expect({ status: outcome.status, events: outcome.events, cited: outcome.fileIds.includes(target) }).toEqual({
          status: 200,
          events: expect.stringMatching(/ citations done$/),
          cited: true,
        });
      }
      expect(outcomes.at(-1)!.answer).toContain('450 volts');
      expect(progress).toEqual([...progress].sort((a, b) => a - b)); // never went back

      // The new space is live, holds one vector per chunk, and the old collection is gone.
      const live = await liveSpace();
      expect(live).toEqual({ collection: expect.stringMatching(new RegExp(`^${base}_`)), model_id: NEW_MODEL });
      expect(await chunkCopyProblems(em(), live.collection, fileIds)).toEqual([]);
      const url = new URL(process.env.CHROMA_URL!);
      await expect(new ChromaClient({ host: url.hostname, port: Number(url.port) }).getCollection({ name: base })).rejects.toThrow();
      // Resumed, not restarted: every chunk was embedded once, bar at most the batch the kill cut short.
      const [{ chunks }] = await em().getConnection().execute<Array<{ chunks: number }>>('select count(*)::int as chunks from chunks');
      const [{ byIngestion }] = await em()
        .getConnection()
        .execute<Array<{ byIngestion: number }>>('select coalesce(sum(chunk_count), 0)::int as "byIngestion" from files where id in (?)', [duringIds]);
      expect(embeddedChunks()).toBeGreaterThanOrEqual(chunks - byIngestion);
      expect(embeddedChunks()).toBeLessThanOrEqual(chunks - byIngestion + 600);
      const log = readFileSync(newWorker.logFile, 'utf8');
      expect(log.match(/resuming from what it holds/g)).toHaveLength(3); // started, after the stop, after the kill
      expect(log).toMatch(/and 1 re-embed\(s\)/); // the stopped run ended paused, and the next worker's reconcile resumed it

      // What was uploaded during the re-embed is searchable after it, with vectors in the new space.
      for (const [i, word] of during.entries()) {
        const answer = await ChatLoop.ask(`${await oldApi.getUrl()}/api/v1/chat`, member.auth, `What does the ${word} gauge read?`);
        expect(answer.fileIds).toContain(duringIds[i]);
      }
    } finally {
      await loop.stop();
    }
  });
});

/** A Markdown document of ten sections, each about one chunk; `fact` goes in the fourth. */
function document(topic: string, fact = ''): string {
  const sections = Array.from({ length: 10 }, (_, s) => {
    const body = Array.from({ length: 7 }, (_, i) => `Step ${i} of part ${s} on the ${topic} covers the checks an engineer records before sign-off.`).join(' ');
    return `## Part ${s}\n\n${body}${s === 3 && fact ? ` ${fact}` : ''}`;
  });
  return `# The ${topic} handbook\n\n${sections.join('\n\n')}\n`;
}
