import { Injectable } from '@nestjs/common';
import { AppConfig, InjectRedis, type RedisClient } from '@app/platform';
import { StreamSlots, type SlotDecision, type SlotRefusal } from '../chat.ports';

const LEASE_MS = 60_000;
const RATE_WINDOW_MS = 60_000;
// Nobody knows when a running answer ends; a few seconds is a fair first retry.
const STREAMS_RETRY_AFTER_SECONDS = 5;

// One round trip: drop expired leases, count the request in the minute's window, then take
// a slot (a sorted-set member scored by its lease expiry) unless all are held. Both keys carry
// the user's id as their hash tag, so on a Redis Cluster they share the slot one script needs.
const acquireScript = `
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local hits = redis.call('INCR', KEYS[2])
if hits == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[5]) end
if hits > tonumber(ARGV[4]) then return { 0, 'rate_limited', redis.call('PTTL', KEYS[2]) } end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return { 0, 'too_many_streams', 0 } end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return { 1 }
`;

const renewScript = `
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
`;

const heldScript = `
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local expiry = redis.call('ZSCORE', KEYS[1], ARGV[1])
return expiry and tonumber(expiry) > now and 1 or 0
`;

/** Stream leases and the chat rate window in Redis, so limits hold across API processes. */
@Injectable()
export class RedisStreamSlots extends StreamSlots {
  private readonly maxStreams: number;
  private readonly perMinute: number;

  constructor(
    @InjectRedis() private readonly redis: RedisClient,
    config: AppConfig,
  ) {
    super();
    this.maxStreams = config.get('CHAT_MAX_CONCURRENT_STREAMS');
    this.perMinute = config.get('CHAT_RATE_LIMIT_PER_MINUTE');
  }

  async acquire(userId: string, streamId: string): Promise<SlotDecision> {
    const [granted, reason, retryMs] = (await this.redis.eval(acquireScript, 2, streamsKey(userId), rateKey(userId), streamId, LEASE_MS, this.maxStreams, this.perMinute, RATE_WINDOW_MS)) as [
      number,
      SlotRefusal['reason'],
      number,
    ];
    if (granted === 1) return { granted: true };
    const retryAfterSeconds = reason === 'rate_limited' ? Math.max(1, Math.ceil(retryMs / 1000)) : STREAMS_RETRY_AFTER_SECONDS;
    return { granted: false, reason, retryAfterSeconds };
  }

  async renew(userId: string, streamId: string): Promise<void> {
    await this.redis.eval(renewScript, 1, streamsKey(userId), streamId, LEASE_MS);
  }

  async release(userId: string, streamId: string): Promise<void> {
    await this.redis.zrem(streamsKey(userId), streamId);
  }

  async isHeld(userId: string, streamId: string): Promise<boolean> {
    return (await this.redis.eval(heldScript, 1, streamsKey(userId), streamId)) === 1;
  }
}

const streamsKey = (userId: string) => `chat:{${userId}}:streams`;
const rateKey = (userId: string) => `chat:{${userId}}:rate`;
