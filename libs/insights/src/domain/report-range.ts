/**
 * The calendar days a report covers, in UTC, both ends included, written `YYYY-MM-DD`. Queries
 * read the instants `[start, endExclusive)`.
 */
export interface DayRange {
  firstDay: string;
  lastDay: string;
  start: Date;
  endExclusive: Date;
}

/** A range either end of which may be open. */
export interface OpenDayRange {
  start: Date | null;
  endExclusive: Date | null;
}

interface RangeProblem {
  field: 'from' | 'to';
  problem: string;
}

export type RangeOutcome<T> = { range: T } | { problems: RangeProblem[] };

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC midnight a `YYYY-MM-DD` names, or null when it names no day (2026-02-30, 26-1-1). */
export function dayStart(day: string): Date | null {
  if (!DAY.test(day)) return null;
  const start = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(start.getTime()) && dayOf(start) === day ? start : null;
}

const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

const addDays = (instant: Date, days: number) => new Date(instant.getTime() + days * DAY_MS);

function read(field: RangeProblem['field'], day: string | undefined, problems: RangeProblem[]): Date | null {
  if (day === undefined) return null;
  const start = dayStart(day);
  if (!start) problems.push({ field, problem: 'must be a day written YYYY-MM-DD' });
  return start;
}

/** Days from `from` to `to`, either of which may be absent (that end is open). */
export function openRangeOf(from: string | undefined, to: string | undefined): RangeOutcome<OpenDayRange> {
  const problems: RangeProblem[] = [];
  const start = read('from', from, problems);
  const last = read('to', to, problems);
  if (start && last && start > last) problems.push({ field: 'from', problem: 'must not be after to' });
  return problems.length ? { problems } : { range: { start, endExclusive: last && addDays(last, 1) } };
}

/**
 * Days from `from` to `to`, at most `maxDays` of them: without `to` the range ends today, and
 * without `from` it holds `defaultDays` days.
 */
export function boundedRangeOf(from: string | undefined, to: string | undefined, today: Date, limits: { defaultDays: number; maxDays: number }): RangeOutcome<DayRange> {
  const problems: RangeProblem[] = [];
  const givenStart = read('from', from, problems);
  const last = read('to', to, problems) ?? (to === undefined ? dayStart(dayOf(today)) : null);
  if (problems.length || !last) return { problems };
  const start = givenStart ?? addDays(last, 1 - limits.defaultDays);
  if (start > last) return { problems: [{ field: 'from', problem: 'must not be after to' }] };
  const days = Math.round((last.getTime() - start.getTime()) / DAY_MS) + 1;
  if (days > limits.maxDays) return { problems: [{ field: 'from', problem: `must be at most ${limits.maxDays} days before to` }] };
  return { range: { firstDay: dayOf(start), lastDay: dayOf(last), start, endExclusive: addDays(last, 1) } };
}
