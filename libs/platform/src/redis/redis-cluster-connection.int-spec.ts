import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Cluster, Redis } from 'ioredis';
import { startRedisCluster, type RunningRedisCluster } from '../../../../scripts/lib/local-stack.mjs';
import { createRedisConnection, onEveryNode, openSubscriber, type RedisClient } from './redis-connection';

// A cluster of its own: the test stops one of its nodes.
describe('Redis connections on a Redis Cluster', () => {
  let dataDir: string;
  let cluster: RunningRedisCluster;
  let client: RedisClient;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'redis-cluster-'));
    cluster = await startRedisCluster({ dataDir });
    client = createRedisConnection(cluster.url, { maxRetriesPerRequest: 1 }, 'test');
  });
  afterAll(async () => {
    client.disconnect();
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const nextMessage = (subscriber: Redis) => new Promise<[string, string]>((resolve) => subscriber.once('message', (...args: [string, string]) => resolve(args)));

  it('builds a cluster client from a redis-cluster:// URL and learns every node from the seeds', async () => {
    expect(client).toBeInstanceOf(Cluster);
    const nodes = await onEveryNode(client, async (node) => node.ping());
    expect(nodes.map((n) => n.node).sort()).toEqual(cluster.ports.map((port) => `127.0.0.1:${port}`).sort());
    // keys in every slot range, so every node answers a command
    for (let i = 0; i < 30; i++) await client.set(`probe:${i}`, String(i));
    expect(await client.get('probe:29')).toBe('29');
  });

  it('hears a channel published through any node, and moves to another node when its own goes', async () => {
    const subscriber = openSubscriber(client, 'test-subscriber');
    const errors: string[] = [];
    subscriber.on('error', (error: Error) => errors.push(error.message)); // its attempts at the stopped node
    try {
      await subscriber.subscribe('test:channel');
      let message = nextMessage(subscriber);
      await client.publish('test:channel', 'first');
      expect((await message)[1]).toBe('first');

      const onPort = subscriber.stream.remotePort!;
      const closed = new Promise((resolve) => subscriber.once('close', resolve));
      const readyAgain = closed.then(() => new Promise((resolve) => subscriber.once('ready', resolve)));
      await cluster.stopNode(onPort);
      await closed; // a listener learns that messages may have been missed
      await readyAgain;
      expect(subscriber.stream.remotePort).not.toBe(onPort);

      // published straight to a live node: with one master down the cluster serves no keys, but PUBLISH still spreads
      const live = new Redis({ port: cluster.ports.find((port) => port !== onPort && port !== subscriber.stream.remotePort)!, lazyConnect: true });
      try {
        message = nextMessage(subscriber);
        await live.publish('test:channel', 'after the move');
        expect((await message)[1]).toBe('after the move');
      } finally {
        live.disconnect();
      }
    } finally {
      subscriber.disconnect();
      await cluster.restart();
    }
  });
});
