import type { Cursor } from '@app/kernel';
import type { InsightScope } from '../domain/insight-scope';
import { FeedbackReadModel, UsageReadModel, type FeedbackFilter, type RatedAnswer, type UsageRow } from '../insights.ports';

/** In-memory read models for handler specs, ordered and filtered as the SQL is. */
export class InMemoryFeedback extends FeedbackReadModel {
  rows: RatedAnswer[] = [];
  readonly asked: FeedbackFilter[] = [];

  async list(filter: FeedbackFilter, limit: number, after: Cursor | null) {
    this.asked.push(filter);
    const key = (row: RatedAnswer) => `${row.ratedAt.toISOString()}|${row.assistantMessageId}`;
    const { start, endExclusive } = filter.range;
    return this.rows
      .filter((row) => !filter.rating || row.rating === filter.rating)
      .filter((row) => (!start || row.ratedAt >= start) && (!endExclusive || row.ratedAt < endExclusive))
      .filter((row) => !after || key(row) < `${after.at}|${after.id}`)
      .sort((a, b) => (key(a) < key(b) ? 1 : -1))
      .slice(0, limit);
  }
}

export class InMemoryUsage extends UsageReadModel {
  rows: UsageRow[] = [];
  readonly asked: Array<{ scope: InsightScope; start: Date; endExclusive: Date }> = [];

  async daily(scope: InsightScope, start: Date, endExclusive: Date) {
    this.asked.push({ scope, start, endExclusive });
    return this.rows.filter((row) => new Date(`${row.day}T00:00:00Z`) >= start && new Date(`${row.day}T00:00:00Z`) < endExclusive);
  }
}
