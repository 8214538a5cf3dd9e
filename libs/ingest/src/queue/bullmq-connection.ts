import { createRedisConnection, type RedisClient } from '@app/platform';

/**
 * BullMQ connections are separate from the shared command connection: a worker's blocking
 * reads need `maxRetriesPerRequest: null`, and a producer should fail fast when Redis is down
 * (the file stays `queued` and the worker's reconciler adds its job later). On a cluster the
 * option applies to each node's connection, which is where BullMQ looks for it.
 */
export function bullmqConnection(url: string, role: 'worker' | 'producer'): RedisClient {
  const options = role === 'worker' ? { maxRetriesPerRequest: null } : { maxRetriesPerRequest: 1, connectTimeout: 5000 };
  return createRedisConnection(url, options, `bullmq-${role}`);
}
