import { boundedRangeOf, dayStart, openRangeOf } from './report-range';

const today = new Date('2026-03-10T15:30:00.000Z');
const limits = { defaultDays: 30, maxDays: 366 };

describe('report ranges', () => {
  it('reads only days that exist, written YYYY-MM-DD', () => {
    expect(dayStart('2026-02-28')?.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    for (const bad of ['2026-02-30', '2026-2-1', '26-01-01', '2026-01-01T00:00:00Z', ' 2026-01-01', '', '2026-13-01']) expect(dayStart(bad)).toBeNull();
  });

  it('defaults to the last 30 days, today included', () => {
    expect(boundedRangeOf(undefined, undefined, today, limits)).toEqual({
      range: { firstDay: '2026-02-09', lastDay: '2026-03-10', start: new Date('2026-02-09T00:00:00.000Z'), endExclusive: new Date('2026-03-11T00:00:00.000Z') },
    });
  });

  it('includes both ends, so one day is from = to', () => {
    const outcome = boundedRangeOf('2026-01-05', '2026-01-05', today, limits);
    expect(outcome).toMatchObject({ range: { firstDay: '2026-01-05', lastDay: '2026-01-05', endExclusive: new Date('2026-01-06T00:00:00.000Z') } });
  });

  it('refuses a range that ends before it starts, or runs past its limit', () => {
    expect(boundedRangeOf('2026-01-06', '2026-01-05', today, limits)).toEqual({ problems: [{ field: 'from', problem: 'must not be after to' }] });
    expect(boundedRangeOf('2025-01-01', '2026-01-02', today, limits)).toEqual({ problems: [{ field: 'from', problem: 'must be at most 366 days before to' }] });
    expect(boundedRangeOf('2025-01-02', '2026-01-02', today, limits)).toHaveProperty('range');
  });

  it('names every malformed end', () => {
    expect(boundedRangeOf('yesterday', '2026-02-30', today, limits)).toEqual({
      problems: [
        { field: 'from', problem: 'must be a day written YYYY-MM-DD' },
        { field: 'to', problem: 'must be a day written YYYY-MM-DD' },
      ],
    });
  });

  it('leaves an end open when it is not given', () => {
    expect(openRangeOf(undefined, undefined)).toEqual({ range: { start: null, endExclusive: null } });
    expect(openRangeOf(undefined, '2026-01-31')).toEqual({ range: { start: null, endExclusive: new Date('2026-02-01T00:00:00.000Z') } });
    expect(openRangeOf('2026-02-01', '2026-01-31')).toEqual({ problems: [{ field: 'from', problem: 'must not be after to' }] });
  });
});
