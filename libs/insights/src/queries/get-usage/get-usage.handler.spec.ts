import { AdminOnly, ValidationFailed, type Actor } from '@app/platform';
import { InMemoryUsage } from '../../testing';
import type { UsageRow } from '../../insights.ports';
import { GetUsage } from './get-usage.query';
import { GetUsageHandler } from './get-usage.handler';

const admin: Actor = { userId: 'u1', role: 'admin', departmentId: 'd1' };
const now = new Date('2026-03-10T12:00:00Z');

function row(day: string, department: string, complete: number, inputTokens: number): UsageRow {
  return {
    day,
    department: { id: department, name: department },
    conversations: 1,
    answers: { complete, stopped: 1, interrupted: 0, failed: 2 },
    inputTokens,
    outputTokens: inputTokens * 2,
    answersWithoutUsage: 3,
  };
}

describe('GetUsageHandler', () => {
  let usage: InMemoryUsage;
  let handler: GetUsageHandler;

  beforeEach(() => {
    usage = new InMemoryUsage();
    handler = new GetUsageHandler(usage);
  });

  it('reports the last 30 days by default, with the rows summed', async () => {
    usage.rows = [row('2026-02-08', 'a', 100, 1000), row('2026-02-09', 'a', 1, 10), row('2026-03-10', 'b', 2, 20)];
    const report = await handler.execute(new GetUsage(admin, undefined, undefined, now));
    expect(report.from).toBe('2026-02-09');
    expect(report.to).toBe('2026-03-10');
    expect(report.rows.map((r) => r.day)).toEqual(['2026-02-09', '2026-03-10']);
    expect(report.totals).toEqual({ conversations: 2, answers: { complete: 3, stopped: 2, interrupted: 0, failed: 4 }, inputTokens: 30, outputTokens: 60, answersWithoutUsage: 6 });
  });

  it('gives zeros for a range with no activity', async () => {
    const report = await handler.execute(new GetUsage(admin, '2026-01-01', '2026-01-01', now));
    expect(report).toEqual({
      from: '2026-01-01',
      to: '2026-01-01',
      rows: [],
      totals: { conversations: 0, answers: { complete: 0, stopped: 0, interrupted: 0, failed: 0 }, inputTokens: 0, outputTokens: 0, answersWithoutUsage: 0 },
    });
  });

  it('refuses members, and ranges that are backwards or longer than 366 days, before reading', async () => {
    await expect(handler.execute(new GetUsage({ ...admin, role: 'member' }, undefined, undefined, now))).rejects.toBeInstanceOf(AdminOnly);
    await expect(handler.execute(new GetUsage(admin, '2026-03-02', '2026-03-01', now))).rejects.toBeInstanceOf(ValidationFailed);
    await expect(handler.execute(new GetUsage(admin, '2020-01-01', undefined, now))).rejects.toBeInstanceOf(ValidationFailed);
    expect(usage.asked).toEqual([]);
  });
});
