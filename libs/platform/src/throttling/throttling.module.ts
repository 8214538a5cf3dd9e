import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { SHARED_REDIS, type RedisClient } from '../redis/redis-connection';
import { isStrictlyLimited } from './rate-limits';
import { RedisThrottlerStorage } from './redis-throttler.storage';

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, SHARED_REDIS],
      useFactory: (config: AppConfig, redis: RedisClient) => ({
        throttlers: [
          {
            name: 'default',
            ttl: 60_000,
            limit: (context) => (isStrictlyLimited(context) ? config.get('LOGIN_RATE_LIMIT_PER_MINUTE') : config.get('RATE_LIMIT_PER_MINUTE')),
          },
        ],
        storage: new RedisThrottlerStorage(redis),
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
})
export class ThrottlingModule {}
