import { Query } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';
import type { UsageFigures, UsageRow } from '../../insights.ports';

export interface UsageReport {
  /** The days covered, `YYYY-MM-DD` (UTC), both included. */
  from: string;
  to: string;
  rows: UsageRow[];
  totals: UsageFigures;
}

export class GetUsage extends Query<UsageReport> {
  constructor(
    readonly actor: Actor,
    readonly from: string | undefined,
    readonly to: string | undefined,
    /** When the request arrived: "today" for a range without `to`. */
    readonly now: Date,
  ) {
    super();
  }
}
