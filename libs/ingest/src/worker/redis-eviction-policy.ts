import type { Redis } from 'ioredis';

class RedisEvictsKeys extends Error {}

/** Queued jobs are keys in Redis: a server that may evict keys under memory pressure loses jobs. */
export async function requireNoEviction(redis: Redis): Promise<void> {
  const reply = (await redis.call('CONFIG', 'GET', 'maxmemory-policy')) as string[];
  const policy = reply?.[1];
  if (policy !== 'noeviction') {
    throw new RedisEvictsKeys(
      `Redis maxmemory-policy is "${policy ?? 'unknown'}"; the worker needs "noeviction" so queued jobs are never evicted ` +
        '(set maxmemory-policy noeviction in redis.conf or with CONFIG SET)',
    );
  }
}
