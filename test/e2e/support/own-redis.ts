import { freePort, startRedis, startRedisCluster } from '../../../scripts/lib/local-stack.mjs';

export interface OwnRedis {
  url: string;
  stop(): Promise<void>;
  /** Starts it again where it was (same port or ports, same data), once stopped. */
  restart(): Promise<void>;
}

/**
 * A Redis of the test's own (fresh counters, or one the test may stop), of the kind the run
 * tests: one server, or in the redis-cluster project a three-node cluster.
 */
export async function startOwnRedis(dataDir: string): Promise<OwnRedis> {
  if (process.env.TEST_REDIS_TOPOLOGY === 'cluster') return startRedisCluster({ dataDir });
  const port = await freePort();
  let server = await startRedis({ dataDir, port, persistent: false });
  return {
    url: server.url,
    stop: () => server.stop(),
    async restart() {
      server = await startRedis({ dataDir, port, persistent: false });
    },
  };
}
