import type { INestApplication } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { freePort, startRedis, type RunningChild } from '../../scripts/lib/local-stack.mjs';
import { createMigratedDatabase } from './support/own-database';
import { SseReader } from './support/sse-client';
import { startApi, testJwtSecret, testPassword } from './support/test-app';
import { isNotFuzzed, operationsOf, routesOf, routesOutsideDocument, undocumentedOperations, UNDOCUMENTED_ROUTES, unfuzzable, type Operation } from './support/fuzz/operations';
import { FuzzStats, fuzzOperation, fuzzSettingsFromEnv, type FuzzTarget } from './support/fuzz/runner';
import { FuzzSessions } from './support/fuzz/sessions';
import { eventually } from './support/eventually';

// Property-based fuzzing of every operation in the app's own OpenAPI document (issue 18): each
// gets generated requests as an anonymous caller, a member and an admin, with hostile bodies,
// query strings, path parameters, headers and multipart forms. Every answer must be a non-5xx in
// API.md's error shape, and afterwards the process must be ready, hold no stream open and keep
// no refused upload. `npm run fuzz -- --runs N --seed S` runs a larger or different sample.
const settings = fuzzSettingsFromEnv(process.env, { runs: 20, seed: 1818 });
const tag = randomUUID().slice(0, 8);
const workDir = path.join(process.env.TEST_DATA_DIR ?? '/tmp', `fuzz-${tag}`);
const storageDir = path.join(workDir, 'blobs');
const maxUploadBytes = 64 * 1024;
const limits = { answerMs: 15_000, streamMs: 10_000, streamIdleMs: 1_000 };

jest.setTimeout(Math.max(300_000, settings.runs * 40 * 1_000));

describe('fuzz: every operation of the OpenAPI document', () => {
  let redis: RunningChild;
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let target: FuzzTarget;
  let document: Parameters<typeof operationsOf>[0];
  const stats = new FuzzStats();
  const crashes: unknown[] = [];
  const recordCrash = (error: unknown) => crashes.push(error);

  beforeAll(async () => {
    mkdirSync(storageDir, { recursive: true });
    // A database, Redis and collection of its own: admins' cases disable users, re-embed the
    // corpus and fill the queue, which other suites running at the same time must not see.
    const [databaseUrl, startedRedis] = await Promise.all([createMigratedDatabase('fuzz'), freePort().then((port) => startRedis({ dataDir: workDir, port, persistent: false }))]);
    redis = startedRedis;
    app = await startApi({
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      STORAGE_DIR: storageDir,
      CHROMA_COLLECTION: `fuzz_${tag}`,
      UPLOAD_MAX_BYTES: String(maxUploadBytes),
      LOCAL_CHAT_TOKEN_DELAY_MS: '0',
      CHAT_RATE_LIMIT_PER_MINUTE: '100000',
    });
    await app.listen(0, '127.0.0.1');
    const baseUrl = await app.getUrl();
    http = request(app.getHttpServer());
    process.on('uncaughtException', recordCrash);
    process.on('unhandledRejection', recordCrash);

    const sessions = await FuzzSessions.create(app);
    const { admin, member } = sessions.first;
    const chat = await SseReader.post(`${baseUrl}/api/v1/chat`, member.auth, { message: 'What is the leave policy?' });
    const [meta] = (await chat.all()).filter((e) => e.event === 'meta');
    const other = await http.post('/api/v1/conversations').set(member.auth).send({ title: 'Second' }).expect(201);
    const files = [];
    for (const name of ['policy.txt', 'guide.md', 'page.html']) {
      files.push(
        (
          await http
            .post('/api/v1/files')
            .set(admin.auth)
            .attach('file', Buffer.from(`Leave policy ${name} ${tag}\n`), name)
            .expect(202)
        ).body.id,
      );
    }
    const child = await http
      .post('/api/v1/org/departments')
      .set(admin.auth)
      .send({ name: `Fuzz child ${tag}`, parentId: admin.departmentId })
      .expect(201);
    target = {
      baseUrl,
      sessions,
      tokens: { secret: testJwtSecret, issuer: 'knowledge-assistant', audience: 'knowledge-assistant-api' },
      pool: {
        ids: {
          user: [admin.id, member.id],
          department: [admin.departmentId, child.body.id],
          conversation: [meta.data.conversationId, other.body.id],
          message: [meta.data.userMessageId, meta.data.assistantMessageId],
          file: files,
        },
        emails: [admin.email, member.email],
        password: testPassword,
      },
      maxUploadBytes,
      limits,
    };
    document = (await http.get('/api/v1/docs-json').expect(200)).body;
  }, 180_000);

  afterAll(async () => {
    process.off('uncaughtException', recordCrash);
    process.off('unhandledRejection', recordCrash);
    // A connection the server failed to close fails the last test; it must not also hold the suite open.
    app?.getHttpServer().closeAllConnections();
    await app?.close();
    await redis?.stop();
  });

  it('fuzzes every route the app serves, and can generate requests for each', () => {
    expect(unfuzzable(document)).toEqual([]);
    const routes = routesOf(app.getHttpAdapter().getInstance());
    // The router is read right: it holds the documented routes.
    expect(routes.length).toBeGreaterThanOrEqual(operationsOf(document).length);
    // Every route is fuzzed: a route the document leaves out must be listed, with its reason, or the suite would not fuzz it.
    expect(routesOutsideDocument(routes, document)).toEqual([]);
    // And the list names only routes that still exist.
    expect(UNDOCUMENTED_ROUTES.filter((u) => !routes.some((r) => r.method === u.method && r.path === u.path))).toEqual([]);
    const keys = new Set(allOperations().map((o) => o.key));
    expect(routes.filter((r) => !keys.has(`${r.method} ${r.path}`) && !isNotFuzzed(r.path)).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('answers every generated request within the contract', async () => {
    // Deletions go last, so the other operations still meet the resources the setup made.
    const all = allOperations();
    // `only` names one operation exactly (as a replay does) or picks every key containing it.
    const operations = all
      .filter((o) => !settings.only || (all.some((a) => a.key === settings.only) ? o.key === settings.only : o.key.includes(settings.only)))
      .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    expect(operations.length).toBeGreaterThan(0);
    const failures: string[] = [];
    const failed = new Set<Operation>();
    const report = (line: string) => (process.env.FUZZ_REPORT ? process.stdout.write(`${line}\n`) : undefined);
    report(`fuzz seed ${settings.seed}, ${settings.runs} cases per operation`);
    for (const operation of operations) {
      const started = Date.now();
      const failure = await fuzzOperation(operation, target, settings, stats);
      report(`${stats.lineOf(operation)}  (${((Date.now() - started) / 1000).toFixed(1)} s${failure ? ', FAILED' : ''})`);
      if (failure) {
        failures.push(failure);
        failed.add(operation);
      }
      // Each operation's cases leave the process answering.
      await http.get('/api/v1/health/live').expect(200);
    }
    // An operation that passed must have had all its cases, and some must have got past the guard.
    const skipped = operations.filter((o) => !failed.has(o) && (stats.casesOf(o) < settings.runs || stats.pastGuardOf(o) === 0)).map(describeCoverage);
    if (failures.length > 0 || skipped.length > 0) {
      throw new Error([`fuzz seed ${settings.seed}: ${failures.length} operation(s) failed, ${skipped.length} not fuzzed`, ...failures, ...skipped.map((s) => `not fuzzed: ${s}`)].join('\n\n'));
    }
  });

  it('is ready afterwards, with no stream left open, no answer left streaming and no refused upload kept', async () => {
    await http.get('/api/v1/health/ready').expect(200);
    await eventually(async () => expect(await openConnections(app)).toBe(0));
    const em = app.get(EntityManager).fork();
    await eventually(async () => {
      const [{ n }] = await em.getConnection().execute<Array<{ n: number }>>(`select count(*)::int as n from messages where status = 'streaming'`);
      expect(n).toBe(0);
    });
    const keys = new Set((await em.getConnection().execute<Array<{ storage_key: string }>>('select storage_key from files')).map((row) => row.storage_key));
    const blobs = () =>
      readdirSync(storageDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name);
    await eventually(async () => expect(blobs().filter((name) => !keys.has(name))).toEqual([]));
    expect(crashes).toEqual([]);
  });

  function allOperations(): Operation[] {
    return [...operationsOf(document), ...undocumentedOperations()];
  }

  function describeCoverage(operation: Operation) {
    return `${operation.key}: ${stats.casesOf(operation)} of ${settings.runs} cases sent, ${stats.pastGuardOf(operation)} answered past the auth guard`;
  }
});

function openConnections(app: INestApplication): Promise<number> {
  return new Promise((resolve, reject) => app.getHttpServer().getConnections((error: Error | null, count: number) => (error ? reject(error) : resolve(count))));
}
