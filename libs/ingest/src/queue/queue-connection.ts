import { type DynamicModule, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { AppConfig, createRedisConnection, type RedisClient } from '@app/platform';
import { INGEST_QUEUE_PREFIX } from '../jobs/ingest-jobs';

/** Which side of the queue a process is: the API only adds jobs, the worker also runs them. */
export type QueueRole = 'producer' | 'worker';

/**
 * The Redis connection BullMQ's queue uses in this process, separate from the shared command
 * connection. A worker's blocking reads need `maxRetriesPerRequest: null` (BullMQ refuses a
 * worker whose connection retries), while a producer should fail fast when Redis is down: the
 * file stays `queued` and the worker's reconciler adds its job later. BullMQ leaves a connection
 * it was handed open, so this closes it, after the queue and worker have closed theirs. On a
 * Redis Cluster the retry option applies to each node's connection, which is where BullMQ looks.
 */
@Injectable()
class QueueConnection implements OnApplicationShutdown {
  readonly redis: RedisClient;

  constructor(config: AppConfig, role: QueueRole) {
    const options = role === 'worker' ? { maxRetriesPerRequest: null } : { maxRetriesPerRequest: 1, connectTimeout: 5000 };
    this.redis = createRedisConnection(config.get('REDIS_URL'), options, `bullmq-${role}`);
  }

  async onApplicationShutdown() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * `BullModule.forRootAsync` with this process's connection: each process's root imports it once
 * (the API as producer, the worker through `IngestModule.forWorker`), and every queue and worker
 * registered anywhere takes its connection from it.
 */
export function queueConnectionFor(role: QueueRole): DynamicModule {
  return BullModule.forRootAsync({
    extraProviders: [{ provide: QueueConnection, inject: [AppConfig], useFactory: (config: AppConfig) => new QueueConnection(config, role) }],
    inject: [QueueConnection],
    // The prefix's hash tag keeps every key of the queue in one slot, as a Redis Cluster requires.
    useFactory: (connection: QueueConnection) => ({ connection: connection.redis, prefix: INGEST_QUEUE_PREFIX }),
  });
}
