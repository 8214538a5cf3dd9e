import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { createRedisConnection, onEveryNode, type RedisClient } from '@app/platform';
import { startOwnRedis, type OwnRedis } from '../../../../test/e2e/support/own-redis';
import { RedisEvictsKeys, requireNoEviction } from './redis-eviction-policy';

// Its own Redis (a cluster in the redis-cluster project), since the test changes its settings.
describe('requireNoEviction (Redis)', () => {
  let dataDir: string;
  let server: OwnRedis;
  let redis: RedisClient;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'eviction-'));
    server = await startOwnRedis(dataDir);
    redis = createRedisConnection(server.url, {}, 'test');
  });
  afterAll(async () => {
    await redis.quit();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const setPolicy = (node: Redis, policy: string) => node.call('CONFIG', 'SET', 'maxmemory-policy', policy);

  it('lets the worker start when every node keeps its keys', async () => {
    await expect(requireNoEviction(redis)).resolves.toBeUndefined();
  });

  it('refuses when any one node may evict keys, and names it', async () => {
    const nodes = await onEveryNode(redis, async (node) => node);
    expect(nodes).toHaveLength(process.env.TEST_REDIS_TOPOLOGY === 'cluster' ? 3 : 1);
    const last = nodes.at(-1)!;
    await setPolicy(last.answer, 'allkeys-lru');
    try {
      const refusal = requireNoEviction(redis);
      await expect(refusal).rejects.toThrow(RedisEvictsKeys);
      await expect(refusal).rejects.toThrow(nodes.length > 1 ? `"allkeys-lru" on ${last.node}` : '"allkeys-lru"');
    } finally {
      await setPolicy(last.answer, 'noeviction');
    }
    await expect(requireNoEviction(redis)).resolves.toBeUndefined();
  });
});
