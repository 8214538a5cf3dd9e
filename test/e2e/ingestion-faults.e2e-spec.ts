import type { INestApplication } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { freePort, startRedis, stopChild } from '../../scripts/lib/local-stack.mjs';
import type { RunningChild } from '../../scripts/lib/local-stack.mjs';
import { chunkCopyProblems, statusCounts } from './support/chunk-copies';
import { FileStatusLog } from './support/file-status-log';
import { createSession, startApi, testPassword, type TestUser } from './support/test-app';
import { buildWorker, testWorkerEnv, WorkerProcess } from './support/worker-process';
import { waitFor } from './support/eventually';

// The acceptance of issue 3: a worker killed mid-batch and a Redis restarted mid-batch lose
// nothing and duplicate nothing. The worker is the compiled one in a child process, and Redis
// a private one with AOF on (as in production) that this file may kill.
const tag = randomUUID().slice(0, 8);
const workDir = path.join(process.env.TEST_DATA_DIR ?? '/tmp', `faults-${tag}`);
const collectionName = `faults_${tag}`;
const settings = {
  STORAGE_DIR: path.join(workDir, 'blobs'),
  CHROMA_COLLECTION: collectionName,
  EMBEDDING_DIMENSION: '256',
  INGEST_RECONCILE_INTERVAL_MS: '2000',
};
const BATCH = 200;

describe('ingestion under faults', () => {
  let redis: RunningChild;
  let redisPort: number;
  let app: INestApplication;
  let baseUrl: string;
  let admin: TestUser;
  let worker: WorkerProcess;
  let statusLog: FileStatusLog;
  const everyFile: string[] = [];

  beforeAll(async () => {
    mkdirSync(workDir, { recursive: true });
    redisPort = await freePort();
    const [entry, started] = await Promise.all([buildWorker(), startRedis({ dataDir: workDir, port: redisPort, persistent: true })]);
    redis = started;
    statusLog = await FileStatusLog.listen(redis.url);
    app = await startApi({ ...settings, REDIS_URL: redis.url });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    admin = await createSession(app, 'admin');
    worker = new WorkerProcess(entry, testWorkerEnv(redis.url, settings), path.join(workDir, 'worker.log'));
  }, 120_000);

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await app?.close();
    statusLog?.close();
    await redis?.stop();
  });

  it(`ends a ${BATCH}-document batch ready with one copy of each chunk after the worker is SIGKILLed mid-batch`, async () => {
    const started = Date.now();
    const ids = await uploadBatch(BATCH, 'kill');
    await worker.start();
    await waitForWorker('a third of the batch ready and a file processing', async () => {
      const counts = await statusCounts(em(), ids);
      return (counts.ready ?? 0) >= BATCH / 3 && (counts.processing ?? 0) > 0;
    });
    await worker.stop('SIGKILL');
    const atKill = await statusCounts(em(), ids);
    expect(atKill.ready).toBeLessThan(BATCH);

    await worker.start();
    await waitForWorker('every file settled', () => allSettled(ids), 240_000);
    const problems = await chunkCopyProblems(em(), collectionName, ids, everyFile);
    console.log(`worker SIGKILL: ${JSON.stringify(atKill)} at the kill; all ${BATCH} settled ${((Date.now() - started) / 1000).toFixed(1)} s after the first upload`);
    expect(problems).toEqual([]);
    expect(statusLog.reopened(ids)).toEqual([]);
  }, 300_000);

  it('loses nothing when Redis restarts mid-batch, including files uploaded while it is down', async () => {
    const started = Date.now();
    if (!worker.running) await worker.start();
    const before = await uploadBatch(BATCH - 20, 'redis');
    await waitForWorker('a third of the batch ready and a file processing', async () => {
      const counts = await statusCounts(em(), before);
      return (counts.ready ?? 0) >= BATCH / 3 && (counts.processing ?? 0) > 0;
    });
    await stopChild(redis.child, 'SIGKILL');
    const atKill = await statusCounts(em(), before);
    const during = await uploadBatch(20, 'redis-down');
    await sleep(2000);
    redis = await startRedis({ dataDir: workDir, port: redisPort, persistent: true });

    const ids = [...before, ...during];
    await waitForWorker('every file settled', () => allSettled(ids), 240_000);
    const problems = await chunkCopyProblems(em(), collectionName, ids, everyFile);
    console.log(`Redis SIGKILL: ${JSON.stringify(atKill)} at the kill; all ${ids.length} settled ${((Date.now() - started) / 1000).toFixed(1)} s after the first upload`);
    expect(problems).toEqual([]);
    expect(statusLog.reopened(ids)).toEqual([]);
  }, 300_000);

  it('stops the bulk CLI at --timeout with the files still pending named, when no worker runs', async () => {
    await worker.stop('SIGTERM');
    const folder = path.join(workDir, 'cli');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'waiting-one.md'), generatedDocument(`cli-1-${tag}`));
    writeFileSync(path.join(folder, 'waiting-two.md'), generatedDocument(`cli-2-${tag}`));
    const departments = (await request(app.getHttpServer()).get('/api/v1/org/departments').set(admin.auth).expect(200)).body as Array<{ id: string; name: string }>;
    const department = departments.find((d) => d.id === admin.departmentId)!;

    const started = Date.now();
    const run = promisify(execFile)(process.execPath, ['scripts/ingest.mjs', folder, '--department', department.name, '--api', baseUrl, '--timeout', '2'], {
      env: { ...process.env, INGEST_EMAIL: admin.email, INGEST_PASSWORD: testPassword },
      timeout: 60_000,
    });
    const outcome = await run.then(
      ({ stdout }) => ({ stdout, code: 0 }),
      (error: { stdout: string; code: number }) => ({ stdout: error.stdout, code: error.code }),
    );
    expect(outcome.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(outcome.stdout).toContain('ready 0 · duplicate 0 · failed 0 · pending 2 (of 2)');
    expect(outcome.stdout).toContain('still pending after 2 s');
    expect(outcome.stdout).toMatch(/pending .*waiting-one\.md \([0-9a-f-]{36}, queued\)/);
  });

  const em = () => app.get(EntityManager).fork();

  /** Uploads small generated Markdown documents, four at a time; each gives two or three chunks. */
  async function uploadBatch(count: number, label: string): Promise<string[]> {
    const ids: string[] = [];
    let next = 0;
    const uploader = async () => {
      while (next < count) {
        const n = next++;
        const response = await request(app.getHttpServer())
          .post('/api/v1/files')
          .set(admin.auth)
          .attach('file', Buffer.from(generatedDocument(`${label}-${n}-${tag}`)), `${label}-${n}.md`)
          .expect(202);
        ids.push(response.body.id);
      }
    };
    await Promise.all(Array.from({ length: 4 }, uploader));
    everyFile.push(...ids);
    return ids;
  }

  async function allSettled(ids: string[]): Promise<boolean> {
    const counts = await statusCounts(em(), ids);
    return (counts.ready ?? 0) + (counts.failed ?? 0) === ids.length;
  }

  function waitForWorker(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
    return waitFor(what, check, { timeoutMs, context: () => `worker log:\n${worker.tail()}` });
  }
});

function generatedDocument(name: string): string {
  const paragraph = (topic: string) => Array.from({ length: 6 }, (_, i) => `Section ${topic} of ${name}, sentence ${i}, describes a procedure staff follow with care.`).join(' ');
  return `# Document ${name}\n\n## Scope\n\n${paragraph('scope')}\n\n## Procedure\n\n${paragraph('procedure')}\n\n## Exceptions\n\n${paragraph('exceptions')}\n`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
