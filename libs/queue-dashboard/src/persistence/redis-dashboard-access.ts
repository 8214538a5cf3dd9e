import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { InjectRedis, type RedisClient } from '@app/platform';
import { DashboardAccess } from '../queue-dashboard.ports';

const secret = () => randomBytes(32).toString('base64url');
// Only hashes are stored, so a read of Redis hands out no usable ticket or session.
export const dashboardKey = (kind: 'ticket' | 'session', value: string) => `queue-dashboard:${kind}:${createHash('sha256').update(value).digest('base64url')}`;

/** Tickets and sessions in Redis, so any API process can redeem or check what another issued. */
@Injectable()
export class RedisDashboardAccess extends DashboardAccess {
  constructor(@InjectRedis() private readonly redis: RedisClient) {
    super();
  }

  async issueTicket(userId: string, ttlSeconds: number) {
    const ticket = secret();
    await this.redis.set(dashboardKey('ticket', ticket), userId, 'EX', ttlSeconds);
    return ticket;
  }

  async redeemTicket(ticket: string, sessionTtlSeconds: number) {
    // GETDEL: of two requests racing with one ticket, exactly one gets its user.
    const userId = await this.redis.getdel(dashboardKey('ticket', ticket));
    if (!userId) return null;
    const session = secret();
    await this.redis.set(dashboardKey('session', session), userId, 'EX', sessionTtlSeconds);
    return { session, userId };
  }

  holderOf(session: string) {
    return this.redis.get(dashboardKey('session', session));
  }

  async close(session: string) {
    await this.redis.del(dashboardKey('session', session));
  }
}
