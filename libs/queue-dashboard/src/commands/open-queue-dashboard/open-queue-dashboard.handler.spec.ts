import { AdminOnly } from '@app/platform';
import { DashboardAccess } from '../../queue-dashboard.ports';
import { OpenQueueDashboard } from './open-queue-dashboard.command';
import { OpenQueueDashboardHandler } from './open-queue-dashboard.handler';

class RecordingAccess extends DashboardAccess {
  readonly issued: Array<{ userId: string; ttlSeconds: number }> = [];
  async issueTicket(userId: string, ttlSeconds: number) {
    this.issued.push({ userId, ttlSeconds });
    return `ticket-${this.issued.length}`;
  }
  async redeemTicket() {
    return null;
  }
  async holderOf() {
    return null;
  }
  async close() {}
}

describe('OpenQueueDashboardHandler', () => {
  it('issues a short-lived ticket for the admin who asks', async () => {
    const access = new RecordingAccess();
    const result = await new OpenQueueDashboardHandler(access).execute(new OpenQueueDashboard({ userId: 'u1', role: 'admin', departmentId: 'd1' }));
    expect(result).toEqual({ ticket: 'ticket-1', expiresInSeconds: access.issued[0].ttlSeconds });
    expect(access.issued).toEqual([{ userId: 'u1', ttlSeconds: expect.any(Number) }]);
    expect(access.issued[0].ttlSeconds).toBeLessThanOrEqual(60);
  });

  it('issues nothing to a member', async () => {
    const access = new RecordingAccess();
    await expect(new OpenQueueDashboardHandler(access).execute(new OpenQueueDashboard({ userId: 'u2', role: 'member', departmentId: 'd1' }))).rejects.toThrow(AdminOnly);
    expect(access.issued).toEqual([]);
  });
});
