import { onEveryNode, type RedisClient } from '@app/platform';

export class RedisEvictsKeys extends Error {}

/**
 * Queued jobs are keys in Redis: a server that may evict keys under memory pressure loses jobs.
 * On a cluster every node is asked, replicas too (one may be promoted), since each holds its
 * own setting and its own share of the keys.
 */
export async function requireNoEviction(redis: RedisClient): Promise<void> {
  const policies = await onEveryNode(redis, async (node) => ((await node.call('CONFIG', 'GET', 'maxmemory-policy')) as string[])?.[1]);
  const evicting = policies.filter(({ answer }) => answer !== 'noeviction');
  if (evicting.length === 0) return;
  const found = evicting.map(({ node, answer }) => (policies.length > 1 ? `"${answer ?? 'unknown'}" on ${node}` : `"${answer ?? 'unknown'}"`)).join(', ');
  throw new RedisEvictsKeys(
    `Redis maxmemory-policy is ${found}; the worker needs "noeviction" so queued jobs are never evicted ` +
      '(set maxmemory-policy noeviction in redis.conf or with CONFIG SET' +
      (policies.length > 1 ? ', on every node)' : ')'),
  );
}
