import { createConnection, type Socket } from 'node:net';
import { connect as connectTls, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { AbstractConnector } from 'ioredis';
import type { ClusterSeed } from './redis-url';

/**
 * An ioredis connector that dials the next of `nodes()` on every connection attempt, so a plain
 * connection (with its usual reconnects, events and resubscription) survives the loss of the
 * node it was on. The way ioredis' own Sentinel connector walks its sentinels.
 */
export function rotatingNodeConnector(nodes: () => ClusterSeed[], tls?: ConnectionOptions) {
  // From a random node, so the subscribers of many processes spread over the cluster.
  let attempt = Math.floor(Math.random() * 1024);
  return class RotatingNodeConnector extends AbstractConnector {
    // ioredis passes the connection's options; only their disconnect timeout matters here.
    constructor(options: unknown) {
      super((options as { disconnectTimeout?: number } | undefined)?.disconnectTimeout ?? 2000);
    }

    connect(): Promise<Socket | TLSSocket> {
      this.connecting = true;
      const candidates = nodes();
      const node = candidates[attempt++ % candidates.length];
      // As ioredis' standalone connector: on the next tick, so a disconnect() in between wins.
      return new Promise((resolve, reject) => {
        process.nextTick(() => {
          if (!this.connecting) return reject(new Error('Connection is closed.'));
          if (!node) return reject(new Error('no Redis Cluster node is known'));
          const stream = tls ? connectTls({ ...tls, host: node.host, port: node.port }) : createConnection({ host: node.host, port: node.port });
          this.stream = stream;
          stream.once('error', (error) => {
            this.firstError = error;
          });
          resolve(stream);
        });
      });
    }
  };
}
