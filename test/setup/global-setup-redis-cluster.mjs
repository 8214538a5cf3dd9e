import globalSetup from './global-setup.mjs';
import { startRedisCluster } from '../../scripts/lib/local-stack.mjs';

/**
 * The redis-cluster project: the same PostgreSQL and Chroma as the integration project, and a
 * three-node Redis Cluster beside its Redis. Global setups share one process and one
 * environment, so the cluster's URL goes in a variable of its own, which use-redis-cluster.cjs
 * turns into REDIS_URL inside this project's test files only.
 */
export default async function globalSetupRedisCluster() {
  await globalSetup();
  if (globalThis.__redisCluster) return;
  globalThis.__redisCluster = await startRedisCluster({ dataDir: process.env.TEST_DATA_DIR });
  process.env.TEST_REDIS_CLUSTER_URL = globalThis.__redisCluster.url;
}
