import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../scripts/lib/local-stack.mjs';
import { layOutDeployment } from './support/deployment';
import { createEmptyDatabase } from './support/own-database';
import { WorkerProcess } from './support/worker-process';

// The acceptance of issue 19's operations: an empty PostgreSQL becomes a working product with
// the commands an operator runs (README, Deploying), in a folder laid out like the image, with
// the API and the worker as built processes. No test helper creates anything in the database.
const tag = randomUUID().slice(0, 8);
const deployDir = path.join(process.env.TEST_DATA_DIR ?? '/tmp', `fresh-${tag}`);
const adminEmail = `first-admin-${tag}@example.test`;
const adminPassword = 'a first admin password';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const bodyOf = (response: Response): Promise<any> => response.json();

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run <script> -- <args>` in the deployment folder, with `stdin` piped in (or none). */
/**
 * Redis database 1, its own: production's limit on sign-ins from one address then counts only
 * this deployment's, not those of the specs beside it that sign in from 127.0.0.1 too.
 */
function ownRedisDatabase(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol === 'unix:') parsed.searchParams.set('db', '1');
  else parsed.pathname = '/1';
  return parsed.toString();
}

function npmRun(script: string, args: string[], env: Record<string, string>, stdin = ''): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], { cwd: deployDir, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data) => (stdout += data));
    child.stderr.on('data', (data) => (stderr += data));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

// Each step is a process of its own that boots Nest; on a loaded machine that takes a while.
jest.setTimeout(240_000);

describe('a fresh deployment', () => {
  let env: Record<string, string>;
  let api: WorkerProcess;
  let worker: WorkerProcess;
  let base: string;
  const adminFlags = ['--email', adminEmail, '--name', 'First Admin', '--department', 'Operations'];

  beforeAll(async () => {
    const [databaseUrl, port] = await Promise.all([createEmptyDatabase('fresh'), freePort(), layOutDeployment(deployDir)]);
    env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_URL: ownRedisDatabase(process.env.REDIS_URL!),
      CHROMA_URL: process.env.CHROMA_URL!,
      CHROMA_COLLECTION: `fresh_${tag}`,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      STORAGE_DIR: path.join(deployDir, 'blobs'),
      EMBEDDING_DIMENSION: '256',
    };
    base = `http://127.0.0.1:${port}/api/v1`;
    api = new WorkerProcess(path.join(deployDir, 'dist/apps/api/src/main.js'), env, path.join(deployDir, 'api.log'), {
      cwd: deployDir,
      readyLine: 'Nest application successfully started',
    });
    worker = new WorkerProcess(path.join(deployDir, 'dist/apps/worker/src/main.js'), env, path.join(deployDir, 'worker.log'), { cwd: deployDir });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    rmSync(deployDir, { recursive: true, force: true });
  });

  it('create-admin refuses a database that is not migrated yet, and changes nothing', async () => {
    const refused = await npmRun('create-admin', adminFlags, env, `${adminPassword}\n`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/The database is not migrated \(\d+ pending: Migration.*\); run npm run migrate first/);
  });

  it('migrates, creates the first admin with the password on stdin, runs, signs them in and ingests their upload', async () => {
    const migrated = await npmRun('migrate', [], env);
    expect(migrated).toMatchObject({ code: 0 });
    expect(migrated.stdout).toMatch(/^applied Migration\S+_org$/m);

    const created = await npmRun('create-admin', adminFlags, env, `${adminPassword}\n`);
    expect(created.stderr).toBe('');
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toContain(`Created the admin ${adminEmail}`);
    expect(created.stdout).toContain('the new department "Operations"');

    await Promise.all([api.start(120_000), worker.start(120_000)]);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);

    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: adminEmail, password: adminPassword }) });
    expect(login.status).toBe(200);
    const session = await bodyOf(login);
    expect(session.user).toMatchObject({ email: adminEmail, role: 'admin', displayName: 'First Admin', department: { name: 'Operations' } });
    const auth = { Authorization: `Bearer ${session.accessToken}` };

    const form = new FormData();
    form.append('file', new Blob(['# Runbook\n\nRestart the worker with SIGTERM; it finishes its jobs first.\n'], { type: 'text/markdown' }), 'runbook.md');
    const upload = await fetch(`${base}/files`, { method: 'POST', headers: auth, body: form });
    expect(upload.status).toBe(202);
    const { id } = await bodyOf(upload);

    const deadline = Date.now() + 30_000;
    let file: { status: string; chunkCount: number; error?: unknown } = { status: 'queued', chunkCount: 0 };
    while (file.status !== 'ready' && file.status !== 'failed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      file = await bodyOf(await fetch(`${base}/files/${id}`, { headers: auth }));
    }
    if (file.status !== 'ready') throw new Error(`the upload ended ${file.status} (${JSON.stringify(file.error)})\n${worker.tail()}`);
    expect(file.chunkCount).toBeGreaterThan(0);
  });

  it('create-admin refuses an email that exists, a short password, a password flag or no password, and changes nothing', async () => {
    const again = await npmRun('create-admin', ['--email', adminEmail.toUpperCase(), '--name', 'Twin', '--department', 'Elsewhere'], env, 'another long password\n');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`A user with email ${adminEmail} already exists`);

    const short = await npmRun('create-admin', ['--email', `short-${tag}@example.test`, '--name', 'Short', '--department', 'Elsewhere'], env, 'too short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('the password must be at least 12 characters');

    const flagged = await npmRun('create-admin', [...adminFlags, `--password=${adminPassword}`], env);
    expect(flagged.code).toBe(1);
    expect(flagged.stderr).toContain('never taken from the command line');

    const silent = await npmRun('create-admin', ['--email', `silent-${tag}@example.test`, '--name', 'Silent', '--department', 'Elsewhere'], env, '');
    expect(silent.code).toBe(1);
    expect(silent.stderr).toContain('No password on stdin');

    const missing = await npmRun('create-admin', ['--email', `missing-${tag}@example.test`], env, `${adminPassword}\n`);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--name is required when stdin is not a terminal');

    // None of the refusals left a department or an account behind.
    const session = await bodyOf(
      await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: adminEmail, password: adminPassword }) }),
    );
    const auth = { Authorization: `Bearer ${session.accessToken}` };
    const departments = (await (await fetch(`${base}/org/departments`, { headers: auth })).json()) as Array<{ name: string }>;
    expect(departments.map((d) => d.name)).toEqual(['Operations']);
    const users = (await (await fetch(`${base}/org/users`, { headers: auth })).json()) as { items: Array<{ email: string }> };
    expect(users.items.map((u) => u.email)).toEqual([adminEmail]);
  });
});
