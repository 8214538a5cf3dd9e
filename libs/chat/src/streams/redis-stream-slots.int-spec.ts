import { randomUUID } from 'node:crypto';
import { AppConfig, createRedisConnection, type RedisClient } from '@app/platform';
import { useTestEnvironment } from '../../../../test/e2e/support/test-app';
import { RedisStreamSlots } from './redis-stream-slots';

describe('RedisStreamSlots (Redis)', () => {
  let redis: RedisClient;
  let slots: RedisStreamSlots;

  beforeAll(() => {
    useTestEnvironment({ CHAT_MAX_CONCURRENT_STREAMS: '2', CHAT_RATE_LIMIT_PER_MINUTE: '4' });
    redis = createRedisConnection(process.env.REDIS_URL!, {}, 'test');
    slots = new RedisStreamSlots(redis, AppConfig.fromEnv());
  });
  afterAll(() => redis.quit());

  it('holds at most the configured streams per user, across callers, until one is released', async () => {
    const user = randomUUID();
    expect(await slots.acquire(user, 's1')).toEqual({ granted: true });
    expect(await slots.acquire(user, 's2')).toEqual({ granted: true });
    expect(await slots.acquire(user, 's3')).toEqual({ granted: false, reason: 'too_many_streams', retryAfterSeconds: 5 });
    expect(await slots.acquire(randomUUID(), 's4')).toEqual({ granted: true });
    expect(await slots.isHeld(user, 's1')).toBe(true);
    await slots.release(user, 's1');
    expect(await slots.isHeld(user, 's1')).toBe(false);
    expect(await slots.acquire(user, 's5')).toEqual({ granted: true });
  });

  it('refuses past the per-minute rate with the seconds left in the window', async () => {
    const user = randomUUID();
    for (let i = 0; i < 4; i++) {
      await slots.acquire(user, `r${i}`);
      await slots.release(user, `r${i}`);
    }
    const refused = await slots.acquire(user, 'r5');
    expect(refused).toMatchObject({ granted: false, reason: 'rate_limited' });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('forgets a lease nobody renews, so a crashed process frees its slots', async () => {
    const user = randomUUID();
    await slots.acquire(user, 'dead');
    await redis.zadd(`chat:{${user}}:streams`, 'XX', 1, 'dead'); // as if its lease ran out long ago
    expect(await slots.isHeld(user, 'dead')).toBe(false);
    expect(await slots.acquire(user, 'a')).toEqual({ granted: true });
    expect(await slots.acquire(user, 'b')).toEqual({ granted: true });
  });
});
