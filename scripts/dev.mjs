// `npm run dev`: the whole product on this machine with local defaults. Starts PostgreSQL, Redis
// and Chroma (data kept in .data/), builds (the web app too), migrates, seeds the demo organisation, then runs the
// API and the worker until Ctrl-C, which stops every child.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startLocalStack, stopChild } from './lib/local-stack.mjs';
import { migrateUp } from './lib/migrate.mjs';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, '.data');
mkdirSync(dataDir, { recursive: true });
if (existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'));

function devSecret() {
  const file = path.join(dataDir, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

const ports = {
  postgres: Number(process.env.DEV_POSTGRES_PORT ?? 54329),
  redis: Number(process.env.DEV_REDIS_PORT ?? 63799),
  chroma: Number(process.env.DEV_CHROMA_PORT ?? 8799),
};

console.log('Starting PostgreSQL, Redis and Chroma…');
const stack = await startLocalStack({ dataDir, persistent: true, ports });
const env = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  PORT: process.env.PORT ?? '3000',
  JWT_SECRET: process.env.JWT_SECRET ?? devSecret(),
  STORAGE_DIR: process.env.STORAGE_DIR ?? path.join(dataDir, 'blobs'),
  WORKER_METRICS_PORT: process.env.WORKER_METRICS_PORT ?? '9464',
  SEED_ADMIN_EMAIL: process.env.SEED_ADMIN_EMAIL ?? 'admin@example.org',
  SEED_ADMIN_PASSWORD: process.env.SEED_ADMIN_PASSWORD ?? 'demo-admin-password',
  SEED_MEMBER_PASSWORD: process.env.SEED_MEMBER_PASSWORD ?? 'demo-member-password',
  ...(process.env.DATABASE_URL ? {} : { DATABASE_URL: stack.env.DATABASE_URL }),
  ...(process.env.REDIS_URL ? {} : { REDIS_URL: stack.env.REDIS_URL }),
  ...(process.env.CHROMA_URL ? {} : { CHROMA_URL: stack.env.CHROMA_URL }),
};

const children = new Set();
let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await Promise.allSettled([...children].map((child) => stopChild(child)));
  await stack.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function run(step, command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${step} failed`);
    return shutdown(1);
  }
}

function start(name, script) {
  const child = spawn(process.execPath, ['--enable-source-maps', script], { cwd: root, env, stdio: 'inherit' });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping the rest`);
      void shutdown(1);
    }
  });
}

await run('Build', process.execPath, [path.join(root, 'node_modules', '@swc', 'cli', 'bin', 'swc.js'), 'apps/api', 'apps/worker', 'libs', '-d', 'dist', '--config-file', '.swcrc', '--quiet']);
await run('Web app build', process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn']);
await migrateUp(env.DATABASE_URL, { log: (line) => console.log(`  ${line}`) });
await run('Seed', process.execPath, ['dist/apps/api/src/seed-demo.js']);
start('api', 'dist/apps/api/src/main.js');
if (existsSync(path.join(root, 'dist/apps/worker/src/main.js'))) start('worker', 'dist/apps/worker/src/main.js');

const base = `http://localhost:${env.PORT}/api/v1`;
for (let attempt = 0; attempt < 100 && !stopping; attempt++) {
  const ready = await fetch(`${base}/health/ready`).then(
    (r) => r.ok,
    () => false,
  );
  if (ready) break;
  await new Promise((resolve) => setTimeout(resolve, 300));
}

// Demo documents go through the real upload → worker path; identical bytes come back as duplicates.
const demoFolders = [
  ['demo/documents/engineering', 'Engineering', 'department'],
  ['demo/documents/people', 'People & Culture', 'department'],
  ['demo/documents/organization', 'Engineering', 'organization'],
];
console.log('Loading the demo documents…');
for (const [folder, department, visibility] of demoFolders) {
  if (stopping) break;
  spawnSync(process.execPath, ['scripts/ingest.mjs', folder, '--department', department, '--visibility', visibility, '--api', `http://127.0.0.1:${env.PORT}`], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
}
console.log(`
Knowledge assistant is running.
  Open the app http://localhost:${env.PORT}/
  API          ${base}
  API docs     ${base}/docs
  Health       ${base}/health/ready
  Metrics      ${base}/metrics (worker: http://localhost:${env.WORKER_METRICS_PORT}/metrics)
Demo logins (password):
  admin  ${env.SEED_ADMIN_EMAIL} (${env.SEED_ADMIN_PASSWORD})
  member alice@example.org — Engineering (${env.SEED_MEMBER_PASSWORD})
  member bob@example.org — People & Culture (${env.SEED_MEMBER_PASSWORD})
Working on the web app? \`npm run dev:web\` serves it with hot reload, using this API.
Data is kept in .data/. Press Ctrl-C to stop everything.
`);
