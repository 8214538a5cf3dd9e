import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor } from '@app/kernel';
import { AdminOnly, ValidationFailed } from '@app/platform';
import { insightScopeOf } from '../../domain/insight-scope';
import { openRangeOf } from '../../domain/report-range';
import { FeedbackReadModel } from '../../insights.ports';
import { ListFeedback } from './list-feedback.query';

@QueryHandler(ListFeedback)
export class ListFeedbackHandler implements IQueryHandler<ListFeedback> {
  constructor(private readonly feedback: FeedbackReadModel) {}

  async execute({ actor, request }: ListFeedback) {
    const scope = insightScopeOf(actor);
    if (!scope) throw new AdminOnly();
    const after = request.cursor === undefined ? null : decodeCursor(request.cursor);
    const outcome = openRangeOf(request.from, request.to);
    const problems: Array<{ field: string; problem: string }> = 'problems' in outcome ? [...outcome.problems] : [];
    if (request.cursor !== undefined && !after) problems.push({ field: 'cursor', problem: 'is not a cursor this API issued' });
    if (problems.length || !('range' in outcome)) throw new ValidationFailed(problems);
    const { limit } = request;
    const rows = await this.feedback.list({ scope, rating: request.rating ?? null, range: outcome.range }, limit + 1, after);
    const last = rows.length > limit ? rows[limit - 1] : null;
    return { items: rows.slice(0, limit), nextCursor: last ? encodeCursor({ at: last.ratedAt.toISOString(), id: last.assistantMessageId }) : null };
  }
}
