import { Injectable } from '@nestjs/common';
import type { AnswerEnding, MessageCitation } from '@app/conversations';
import type { Cursor } from '@app/kernel';
import { PreparedQueries } from '@app/platform';
import { FeedbackReadModel, type FeedbackFilter, type RatedAnswer } from '../insights.ports';
import { scopeCondition } from './scope-filter';

interface Row {
  message_id: string;
  rating: 'up' | 'down';
  comment: string | null;
  rated_at: Date;
  answered_at: Date;
  question: string | null;
  answer: string;
  citations: MessageCitation[];
  ending: AnswerEnding | null;
  department_id: string;
  department_name: string;
}

/**
 * Rated answers across every conversation, read straight from the tables the conversations,
 * chat and org modules write: a report, not a use case of theirs. Only the rated answer and
 * the question it answered leave the conversation.
 */
@Injectable()
export class SqlFeedbackReadModel extends FeedbackReadModel {
  constructor(private readonly sql: PreparedQueries) {
    super();
  }

  async list({ scope, rating, range }: FeedbackFilter, limit: number, after: Cursor | null): Promise<RatedAnswer[]> {
    const inScope = scopeCondition(scope, 'u.department_id');
    const rows = await this.sql.rows<Row>(
      `select f.message_id, f.rating, f.comment, f.updated_at as rated_at,
              a.created_at as answered_at, a.content as answer, a.citations, a.ending,
              q.content as question, d.id as department_id, d.name as department_name
         from message_feedback f
         join messages a on a.id = f.message_id
         join conversations c on c.id = a.conversation_id
         join users u on u.id = c.user_id
         join departments d on d.id = u.department_id
         -- The question is the one the answer replies to: its parent. Neither time nor place
         -- in the conversation says it once answers are regenerated and questions edited.
         left join messages q on q.id = a.parent_id and q.role = 'user'
        where f.user_id = c.user_id
          and (?::text is null or f.rating = ?::text)
          and (?::timestamptz is null or f.updated_at >= ?::timestamptz)
          and (?::timestamptz is null or f.updated_at < ?::timestamptz)
          and (?::timestamptz is null or (f.updated_at, f.message_id) < (?::timestamptz, ?::uuid))
          and ${inScope.sql}
        order by f.updated_at desc, f.message_id desc
        limit ?`,
      [rating, rating, range.start, range.start, range.endExclusive, range.endExclusive, after?.at ?? null, after?.at ?? null, after?.id ?? null, ...inScope.params, limit],
      // The filters decide which index pays; a generic plan would pick one for all of them.
      { planEachCall: true },
    );
    return rows.map((row) => ({
      assistantMessageId: row.message_id,
      rating: row.rating,
      comment: row.comment,
      ratedAt: new Date(row.rated_at),
      answeredAt: new Date(row.answered_at),
      question: row.question ?? '',
      answer: row.answer,
      citations: row.citations,
      ending: row.ending,
      department: { id: row.department_id, name: row.department_name },
    }));
  }
}
