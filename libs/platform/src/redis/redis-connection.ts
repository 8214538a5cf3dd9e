import { Inject, Logger } from '@nestjs/common';
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { rotatingNodeConnector } from './rotating-node-connector';
import { parseRedisUrl, type ClusterSeed } from './redis-url';

/** A client of one Redis server or of a Redis Cluster: REDIS_URL decides which. */
export type RedisClient = Redis | Cluster;

/** The injection token of the shared command connection (RedisModule). */
export const SHARED_REDIS = 'SharedRedis';
/** Injects the shared command connection: `@InjectRedis() redis: RedisClient`. */
export const InjectRedis = () => Inject(SHARED_REDIS);

/** What each cluster client was seeded with, for the subscribers opened beside it. */
const clusterSeeds = new WeakMap<Cluster, { seeds: ClusterSeed[]; nodeOptions: RedisOptions }>();

/**
 * The one factory of Redis connections. `options` are per connection (to the server, or to each
 * cluster node). The connection reports outages once: ioredis reconnects by itself, and without
 * an error listener each failed attempt would print an "Unhandled error event".
 */
export function createRedisConnection(url: string, options: RedisOptions, name: string): RedisClient {
  const target = parseRedisUrl(url);
  let redis: RedisClient;
  if (target.kind === 'cluster') {
    const { lazyConnect, ...perNode } = options;
    const nodeOptions: RedisOptions = {
      ...perNode,
      ...(target.username ? { username: target.username } : {}),
      ...(target.password ? { password: target.password } : {}),
      ...(target.tls ? { tls: {} } : {}),
    };
    const clusterOptions: ClusterOptions = { redisOptions: nodeOptions, lazyConnect };
    const cluster = new Cluster(target.nodes, clusterOptions);
    if (options.maxRetriesPerRequest !== null) {
      // One server's connection fails a command once a reconnect has failed (maxRetriesPerRequest);
      // a cluster client has no such bound and would hold every command until the cluster came back.
      // So once it has been ready, a connection that should fail fast stops queueing: while the
      // cluster is down its commands fail at once, as they would on one server.
      cluster.once('ready', () => {
        cluster.options.enableOfflineQueue = false;
      });
    }
    clusterSeeds.set(cluster, { seeds: target.nodes, nodeOptions });
    redis = cluster;
  } else {
    redis = target.url.startsWith('unix:') ? new Redis({ ...options, ...unixSocketOf(target.url) }) : new Redis(target.url, options);
  }
  reportOutagesOnce(redis, name);
  return redis;
}

/**
 * A connection of its own for SUBSCRIBE, beside `client`: a subscribed connection can do nothing
 * else. On a cluster, PUBLISH reaches every node, so one connection to any node hears every
 * channel; it is a plain connection that moves to the next node whenever it reconnects. Unlike
 * the cluster client's own subscriber, which changes nodes silently, it emits `close` and `ready`
 * like any connection, so a listener knows when messages may have been missed.
 */
export function openSubscriber(client: RedisClient, name: string): Redis {
  if (!(client instanceof Cluster)) return client.duplicate({ maxRetriesPerRequest: null, connectionName: name });
  const seeded = clusterSeeds.get(client);
  if (!seeded) throw new Error('openSubscriber needs a cluster client made by createRedisConnection');
  const { seeds, nodeOptions } = seeded;
  // The nodes the cluster client knows now (replicas included: they hear every PUBLISH too), then the seeds.
  const nodes = () => uniqueNodes([...client.nodes('all').map((node) => ({ host: node.options.host!, port: node.options.port! })), ...seeds]);
  const { tls, ...rest } = nodeOptions;
  return new Redis({ ...rest, maxRetriesPerRequest: null, connectionName: name, Connector: rotatingNodeConnector(nodes, tls) });
}

/** Runs `work` once on every node of a cluster (replicas too), or once on a single server; the answers by node. */
export async function onEveryNode<T>(client: RedisClient, work: (node: Redis) => Promise<T>): Promise<Array<{ node: string; answer: T }>> {
  if (!(client instanceof Cluster)) return [{ node: 'redis', answer: await work(client) }];
  if (client.status !== 'ready') await untilReady(client);
  return Promise.all(client.nodes('all').map(async (node) => ({ node: `${node.options.host}:${node.options.port}`, answer: await work(node) })));
}

function untilReady(cluster: Cluster, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cluster.off('ready', ready);
      reject(new Error(`the Redis Cluster was not ready within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const ready = () => {
      clearTimeout(timer);
      resolve();
    };
    cluster.once('ready', ready);
  });
}

function uniqueNodes(nodes: ClusterSeed[]): ClusterSeed[] {
  const seen = new Map(nodes.map((node) => [`${node.host}:${node.port}`, node]));
  return [...seen.values()];
}

function reportOutagesOnce(redis: RedisClient, name: string) {
  const logger = new Logger(`Redis:${name}`);
  let lastProblem = '';
  redis.on('error', (error: Error) => {
    if (error.message !== lastProblem) logger.warn(`Connection problem: ${error.message}`);
    lastProblem = error.message;
  });
  redis.on('ready', () => {
    if (lastProblem) logger.log('Connection restored');
    lastProblem = '';
  });
}

/** `unix:///path/to/redis.sock?db=1`, the form redis-py and others read, as ioredis options. */
function unixSocketOf(url: string): Pick<RedisOptions, 'path' | 'db'> {
  const { pathname, searchParams } = new URL(url);
  const db = searchParams.get('db');
  return { path: decodeURIComponent(pathname), ...(db ? { db: Number(db) } : {}) };
}
