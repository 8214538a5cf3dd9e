import type { FullConfig } from '@playwright/test';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { startProduct as StartProduct } from '../../../bench/lib/product.mjs';
import { seedDocuments } from './seed-documents';

const root = path.resolve(__dirname, '..', '..', '..');
export const stateFile = path.join(root, 'test-results', 'web-product.json');

/** What the specs learn about the running product (through the environment). */
export type ProductInfo = {
  baseUrl: string;
  shortSessionUrl: string;
  admin: { email: string; password: string };
  memberPassword: string;
  documents: Awaited<ReturnType<typeof seedDocuments>>;
};

export default async function globalSetup(_config: FullConfig) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) throw new Error(`Chromium is missing at ${chromium}: apt-get install -y chromium (as .ci/run does)`);
  const log = (line: string) => console.log(`[web] ${line}`);
  // A dynamic import: Playwright compiles this file to CommonJS, and the bench's helpers are ESM.
  const { build, SEED, startProduct } = await import('../../../bench/lib/product.mjs');
  if (process.env.WEB_TEST_SKIP_BUILD !== '1') build(log);
  log('starting PostgreSQL, Redis, Chroma, the API and the worker');
  const product = await startProduct({ log });
  try {
    // Words arrive at a hosted model's pace, so a test can see an answer stream and stop it.
    const api = await product.startApi({ LOCAL_CHAT_TOKEN_DELAY_MS: '100' });
    // A second API process on the same data whose access tokens expire within seconds.
    const shortSession = await product.startApi({ LOCAL_CHAT_TOKEN_DELAY_MS: '100', JWT_ACCESS_TTL_SECONDS: '4' });
    const worker = await product.startWorker();
    if (!worker) throw new Error('the worker is not built');
    let origin = `http://127.0.0.1:${api.port}`;
    const served = await fetch(`${origin}/`).then((r) => r.ok && (r.headers.get('content-type') ?? '').includes('text/html'), () => false);
    if (!served) origin = await previewInFront(origin);
    const documents = await seedDocuments(`${origin}/api/v1`, SEED.adminEmail, SEED.adminPassword);
    const info: ProductInfo = {
      baseUrl: origin,
      shortSessionUrl: `http://127.0.0.1:${shortSession.port}`,
      admin: { email: SEED.adminEmail, password: SEED.adminPassword },
      memberPassword: SEED.memberPassword,
      documents,
    };
    process.env.WEB_BASE_URL = origin;
    process.env.WEB_PRODUCT = JSON.stringify(info);
    writeFileSync(stateFile, JSON.stringify(info, null, 2));
    log(`product at ${origin}`);
  } catch (error) {
    await product.stop();
    throw error;
  }
  return async () => {
    for (const stop of extra) stop();
    await product.stop();
  };
}

// TEMPORARY until the API serves dist/web itself: Vite's preview server in front of the API.
const extra: Array<() => void> = [];
async function previewInFront(apiOrigin: string): Promise<string> {
  const { spawn } = await import('node:child_process');
  const { freePort } = await import('../../../scripts/lib/local-stack.mjs');
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--config', 'apps/web/vite.config.mts', '--host', '127.0.0.1', '--strictPort'], {
    cwd: root,
    env: { ...process.env, WEB_API_TARGET: apiOrigin, WEB_DEV_PORT: String(port) },
    stdio: 'ignore',
  });
  extra.push(() => child.kill());
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(origin).then((r) => r.ok, () => false)) return origin;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('vite preview did not start');
}
