// Boots the product the way `npm run dev` does, but throw-away: its own PostgreSQL, Redis and
// Chroma on free ports in a temp dir, production mode, limits raised so the load is not refused.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { freePort, startLocalStack, stopChild } from '../../scripts/lib/local-stack.mjs';
import { migrateUp } from '../../scripts/lib/migrate.mjs';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const SEED = { adminEmail: 'admin@example.org', adminPassword: 'bench-admin-password', memberPassword: 'bench-member-password' };

// Bench load comes from one loopback address, so per-IP and per-user limits would refuse it.
const RAISED_LIMITS = {
  RATE_LIMIT_PER_MINUTE: '100000000',
  LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
  CHAT_MAX_CONCURRENT_STREAMS: '100000',
  CHAT_RATE_LIMIT_PER_MINUTE: '100000000',
};

// e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the API and worker under load
// (Node refuses --cpu-prof in NODE_OPTIONS).
const PROFILING_ARGS = process.env.BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];

const FIXTURES = 'libs/ingest/src/parsing/__fixtures__';

export function build(log) {
  log('building dist/ with swc, and the web app with Vite');
  const swc = path.join(root, 'node_modules', '@swc', 'cli', 'bin', 'swc.js');
  const server = spawnSync(process.execPath, [swc, 'apps/api', 'apps/worker', 'libs', '-d', 'dist', '--config-file', '.swcrc', '--quiet'], { cwd: root, stdio: 'inherit' });
  if (server.status !== 0) throw new Error('build failed');
  // The answers suite builds its PDF and DOCX documents with the ingest tests' fixture builders,
  // which the product's build leaves out (.swcrc excludes __fixtures__).
  const fixtures = spawnSync(process.execPath, [swc, FIXTURES, '-d', 'dist', '--no-swcrc', '-C', 'module.type=commonjs', '-C', 'jsc.parser.syntax=typescript', '-C', 'jsc.target=es2023', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (fixtures.status !== 0) throw new Error('fixture build failed');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const web = spawnSync(process.execPath, [vite, 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (web.status !== 0) throw new Error('web app build failed');
}

/** Starts services, migrates and seeds; `startApi`/`startWorker` then run the product's processes. */
export async function startProduct({ log }) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kb-bench-'));
  const stack = await startLocalStack({ dataDir, persistent: false });
  const children = new Set();
  const env = {
    ...process.env,
    ...stack.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    JWT_SECRET: randomBytes(48).toString('base64url'),
    JWT_ACCESS_TTL_SECONDS: '7200', // the whole run on one login
    STORAGE_DIR: path.join(dataDir, 'blobs'),
    PROMPTS_DIR: path.join(root, 'prompts'),
    SEED_ADMIN_EMAIL: SEED.adminEmail,
    SEED_ADMIN_PASSWORD: SEED.adminPassword,
    SEED_MEMBER_PASSWORD: SEED.memberPassword,
    ...RAISED_LIMITS,
  };

  const product = {
    dataDir,
    env,
    stack,
    async startProcess(name, script, extraEnv = {}) {
      const port = extraEnv.PORT ?? String(await freePort());
      const child = spawn(process.execPath, [...PROFILING_ARGS, script], { cwd: root, env: { ...env, ...extraEnv, PORT: port }, stdio: ['ignore', 'inherit', 'inherit'] });
      const killOnExit = () => child.kill('SIGKILL');
      process.once('exit', killOnExit);
      let stopRequested = false;
      child.once('exit', (code, signal) => {
        process.off('exit', killOnExit);
        children.delete(child);
        if (!product.stopping && !stopRequested) log(`${name} exited unexpectedly (${signal ?? code})`);
      });
      children.add(child);
      const stop = () => {
        stopRequested = true;
        return stopChild(child);
      };
      return { child, port: Number(port), baseUrl: `http://127.0.0.1:${port}/api/v1`, stop };
    },
    async startApi(extraEnv = {}) {
      const api = await product.startProcess('api', 'dist/apps/api/src/main.js', extraEnv);
      await waitUntilReady(`${api.baseUrl}/health/ready`, api.child);
      return api;
    },
    /**
     * Resolves once the worker takes jobs: its metrics listener opens after the queue worker
     * starts, as a deployed worker is running before uploads arrive. Null when the worker app
     * is not built (the ingestion work has not landed).
     */
    async startWorker() {
      const script = 'dist/apps/worker/src/main.js';
      if (!existsSync(path.join(root, script))) return null;
      const metricsPort = String(await freePort());
      const worker = await product.startProcess('worker', script, { PORT: '0', WORKER_METRICS_PORT: metricsPort });
      const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
      await waitUntilReady(metricsUrl, worker.child);
      return { ...worker, metricsUrl };
    },
    /**
     * A database of its own on the same PostgreSQL, migrated and seeded with the demo
     * organisation alone: for an API (`startApi({ DATABASE_URL })`) whose screens nothing else
     * writes to. Returns its URL.
     */
    async ownOrganisation(name) {
      const server = new pg.Client({ connectionString: env.DATABASE_URL });
      await server.connect();
      try {
        await server.query(`create database ${pg.escapeIdentifier(name)}`);
      } finally {
        await server.end();
      }
      const url = new URL(env.DATABASE_URL);
      url.pathname = `/${name}`;
      await migrateUp(url.toString());
      seedDemo({ ...env, DATABASE_URL: url.toString() });
      return url.toString();
    },
    stopping: false,
    async stop() {
      product.stopping = true;
      await Promise.allSettled([...children].map((child) => stopChild(child)));
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };

  try {
    await migrateUp(env.DATABASE_URL);
    seedDemo(env);
  } catch (error) {
    await product.stop();
    throw error;
  }
  return product;
}

function seedDemo(env) {
  const seeded = spawnSync(process.execPath, ['dist/apps/api/src/seed-demo.js'], { cwd: root, env, stdio: 'inherit' });
  if (seeded.status !== 0) throw new Error('seeding the demo organisation failed');
}

async function waitUntilReady(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before ${url} was ready`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(250);
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms`);
}
