import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  await globalThis.__localStack?.stop();
  if (process.env.TEST_DATA_DIR) rmSync(process.env.TEST_DATA_DIR, { recursive: true, force: true });
}
