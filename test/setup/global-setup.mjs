import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalStack } from '../../scripts/lib/local-stack.mjs';
import { migrateUp } from '../../scripts/lib/migrate.mjs';

/** Starts the stack once, whichever project's setup asks first (see global-setup-redis-cluster.mjs). */
export default async function globalSetup() {
  if (globalThis.__localStack) return;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'assistant-test-'));
  const stack = await startLocalStack({ dataDir, persistent: false, database: 'assistant_test' });
  Object.assign(process.env, stack.env, { TEST_DATA_DIR: dataDir, NODE_ENV: 'test' });
  await migrateUp(stack.env.DATABASE_URL);
  globalThis.__localStack = stack;
}
