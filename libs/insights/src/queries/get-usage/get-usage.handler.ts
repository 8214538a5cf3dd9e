import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AdminOnly, ValidationFailed } from '@app/platform';
import { insightScopeOf } from '../../domain/insight-scope';
import { boundedRangeOf } from '../../domain/report-range';
import { UsageReadModel, type UsageFigures } from '../../insights.ports';
import { GetUsage, type UsageReport } from './get-usage.query';

/** A year and a day: a year's report whichever day it starts on, leap years included. */
const USAGE_MAX_DAYS = 366;
const USAGE_DEFAULT_DAYS = 30;

const none = (): UsageFigures => ({ conversations: 0, answers: { complete: 0, stopped: 0, interrupted: 0, failed: 0 }, inputTokens: 0, outputTokens: 0, answersWithoutUsage: 0 });

function add(sum: UsageFigures, row: UsageFigures): UsageFigures {
  const answers = { ...sum.answers };
  for (const ending of Object.keys(answers) as Array<keyof typeof answers>) answers[ending] += row.answers[ending];
  return {
    conversations: sum.conversations + row.conversations,
    answers,
    inputTokens: sum.inputTokens + row.inputTokens,
    outputTokens: sum.outputTokens + row.outputTokens,
    answersWithoutUsage: sum.answersWithoutUsage + row.answersWithoutUsage,
  };
}

@QueryHandler(GetUsage)
export class GetUsageHandler implements IQueryHandler<GetUsage> {
  constructor(private readonly usage: UsageReadModel) {}

  async execute({ actor, from, to, now }: GetUsage): Promise<UsageReport> {
    const scope = insightScopeOf(actor);
    if (!scope) throw new AdminOnly();
    const outcome = boundedRangeOf(from, to, now, { defaultDays: USAGE_DEFAULT_DAYS, maxDays: USAGE_MAX_DAYS });
    if ('problems' in outcome) throw new ValidationFailed(outcome.problems);
    const { range } = outcome;
    const rows = await this.usage.daily(scope, range.start, range.endExclusive);
    return { from: range.firstDay, to: range.lastDay, rows, totals: rows.reduce(add, none()) };
  }
}
