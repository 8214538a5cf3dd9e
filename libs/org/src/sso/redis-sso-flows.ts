import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { InjectRedis, type RedisClient } from '@app/platform';
import { type SsoFlow, SsoFlows } from '../org.ports';

const PREFIX = 'org:sso-flow:';

@Injectable()
export class RedisSsoFlows extends SsoFlows {
  constructor(@InjectRedis() private readonly redis: RedisClient) {
    super();
  }

  async keep(flow: SsoFlow, ttlSeconds: number): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    await this.redis.set(PREFIX + id, JSON.stringify(flow), 'EX', ttlSeconds);
    return id;
  }

  // GETDEL: of two callbacks carrying the same flow, only one gets it.
  async take(id: string): Promise<SsoFlow | null> {
    if (!/^[\w-]{43}$/.test(id)) return null;
    const raw = await this.redis.getdel(PREFIX + id);
    return raw ? (JSON.parse(raw) as SsoFlow) : null;
  }
}
