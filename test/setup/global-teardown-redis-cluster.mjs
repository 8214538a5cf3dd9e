import globalTeardown from './global-teardown.mjs';

export default async function globalTeardownRedisCluster() {
  const cluster = globalThis.__redisCluster;
  globalThis.__redisCluster = null;
  await cluster?.stop();
  await globalTeardown();
}
