import type { FullConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { seedDocuments } from './seed-documents';

/** What the specs learn about the running product (through the environment). */
export type ProductInfo = {
  baseUrl: string;
  shortSessionUrl: string;
  admin: { email: string; password: string };
  memberPassword: string;
  documents: Awaited<ReturnType<typeof seedDocuments>>;
};

export default async function globalSetup(_config: FullConfig) {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
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
    const origin = `http://127.0.0.1:${api.port}`;
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
    log(`product at ${origin}`);
  } catch (error) {
    await product.stop();
    throw error;
  }
  return async () => {
    await product.stop();
  };
}
