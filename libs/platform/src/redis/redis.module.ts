import { Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { createRedisConnection, InjectRedis, SHARED_REDIS, type RedisClient } from './redis-connection';

/** The shared command connection; blocking consumers (BullMQ workers, pub/sub) open their own. */
@Global()
@Module({
  providers: [
    {
      provide: SHARED_REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => createRedisConnection(config.get('REDIS_URL'), { maxRetriesPerRequest: 1, connectTimeout: 5000 }, 'shared'),
    },
  ],
  exports: [SHARED_REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@InjectRedis() private readonly redis: RedisClient) {}

  async onApplicationShutdown() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
