import { rmSync } from 'node:fs';

/** Stops the stack once, whichever project's teardown runs first. */
export default async function globalTeardown() {
  const stack = globalThis.__localStack;
  globalThis.__localStack = null;
  await stack?.stop();
  if (stack && process.env.TEST_DATA_DIR) rmSync(process.env.TEST_DATA_DIR, { recursive: true, force: true });
}
