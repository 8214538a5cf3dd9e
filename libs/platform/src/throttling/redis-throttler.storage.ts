import { Injectable, Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type { RedisClient } from '../redis/redis-connection';

// Fixed window per key, with an optional block once the limit is passed; one round trip. Both keys
// share a hash tag, so on a Redis Cluster they are in the one slot a script may touch.
const incrementScript = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blockTtl = redis.call('PTTL', KEYS[2])
if blockTtl <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blockTtl = tonumber(ARGV[3])
end
return { hits, ttl, blockTtl }
`;

type ThrottlingRedis = RedisClient & {
  countThrottledHit(hitsKey: string, blockKey: string, ttlMs: number, limit: number, blockMs: number): Promise<unknown>;
};

/**
 * Rate-limit counters in Redis, so every API process shares them. When Redis cannot be reached
 * the limit fails open: readiness already reports the outage, and refusing every request would
 * turn a cache problem into a full outage.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimits');

  constructor(private readonly redis: RedisClient) {
    // A defined command runs by EVALSHA, so the script is not sent and hashed on every request.
    if (!('countThrottledHit' in redis)) redis.defineCommand('countThrottledHit', { numberOfKeys: 2, lua: incrementScript });
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    try {
      return await this.count(`throttle:{${throttlerName}:${key}}`, ttl, limit, blockDuration);
    } catch (error) {
      this.logger.warn(`Rate limit not enforced, Redis unavailable: ${(error as Error).message}`);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  private async count(base: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const [hits, ttlMs, blockMs] = (await (this.redis as ThrottlingRedis).countThrottledHit(`${base}:hits`, `${base}:blocked`, ttl, limit, blockDuration || ttl)) as [number, number, number];
    const isBlocked = blockMs > 0;
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(ttlMs / 1000)),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil(blockMs / 1000) : 0,
    };
  }
}
