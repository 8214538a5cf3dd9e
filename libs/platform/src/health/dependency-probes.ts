import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '../config/app-config';
import { InjectRedis, type RedisClient } from '../redis/redis-connection';

const probeTimeoutMs = 2000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer in ${probeTimeoutMs} ms`)), probeTimeoutMs).unref()),
  ]);
}

/** One cheap round trip to each service the API cannot work without. */
@Injectable()
export class DependencyProbes {
  constructor(
    private readonly em: EntityManager,
    @InjectRedis() private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  readonly probes: Record<'postgres' | 'redis' | 'chroma', () => Promise<void>> = {
    postgres: async () => {
      await withTimeout(this.em.getConnection().execute('select 1'), 'PostgreSQL');
    },
    redis: async () => {
      await withTimeout(this.redis.ping(), 'Redis');
    },
    chroma: async () => {
      const response = await fetch(`${this.config.get('CHROMA_URL')}/api/v2/heartbeat`, { signal: AbortSignal.timeout(probeTimeoutMs) });
      if (!response.ok) throw new Error(`Chroma answered ${response.status}`);
    },
  };
}
