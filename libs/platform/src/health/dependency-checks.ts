import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorFunction } from '@nestjs/terminus';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '../config/app-config';
import { InjectRedis, type RedisClient } from '../redis/redis-connection';

const CHECK_TIMEOUT_MS = 2000;

export const DEPENDENCIES = ['postgres', 'redis', 'chroma'] as const;

/**
 * One cheap round trip to each service the API cannot work without, as terminus health
 * indicators: each is `down` with the reason when it fails or does not answer in time. The
 * PostgreSQL check asks MikroORM's connection itself, since terminus' MikroORM indicator reports
 * every failure as "not connected" and drops the reason.
 */
@Injectable()
export class DependencyChecks {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly em: EntityManager,
    @InjectRedis() private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  readonly all: HealthIndicatorFunction[] = [
    () =>
      this.indicators
        .check('postgres')
        .attempt(async () => {
          const check = await this.em.getConnection().checkConnection();
          if (!check.ok) throw new Error(check.reason);
        })
        .withTimeout(CHECK_TIMEOUT_MS),
    () =>
      this.indicators
        .check('redis')
        .attempt(async () => {
          await this.redis.ping();
        })
        .withTimeout(CHECK_TIMEOUT_MS),
    () =>
      this.indicators
        .check('chroma')
        .attempt(async ({ signal }) => {
          const response = await fetch(`${this.config.get('CHROMA_URL')}/api/v2/heartbeat`, { signal });
          if (!response.ok) throw new Error(`Chroma answered ${response.status}`);
        })
        .withTimeout(CHECK_TIMEOUT_MS),
  ];
}
