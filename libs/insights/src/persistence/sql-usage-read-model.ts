import { Injectable } from '@nestjs/common';
import { PreparedQueries } from '@app/platform';
import type { InsightScope } from '../domain/insight-scope';
import { UsageReadModel, type UsageRow } from '../insights.ports';
import { scopeCondition } from './scope-filter';

interface Row {
  day: string;
  department_id: string;
  department_name: string;
  conversations: string;
  complete: string;
  stopped: string;
  interrupted: string;
  failed: string;
  input_tokens: string;
  output_tokens: string;
  without_usage: string;
}

/**
 * Chats, answers by ending and tokens per UTC day and asker's department, from the stored
 * conversations and answers (a deleted conversation leaves the figures with its messages).
 * Tokens are what the model reported on each answer.
 */
@Injectable()
export class SqlUsageReadModel extends UsageReadModel {
  constructor(private readonly sql: PreparedQueries) {
    super();
  }

  async daily(scope: InsightScope, start: Date, endExclusive: Date): Promise<UsageRow[]> {
    const answersInScope = scopeCondition(scope, 'u.department_id');
    const chatsInScope = scopeCondition(scope, 'u.department_id');
    const rows = await this.sql.rows<Row>(
      `with answers as (
         select (a.created_at at time zone 'UTC')::date as day, u.department_id,
                count(*) filter (where a.ending = 'complete') as complete,
                count(*) filter (where a.ending = 'stopped') as stopped,
                count(*) filter (where a.ending = 'interrupted') as interrupted,
                count(*) filter (where a.ending = 'failed') as failed,
                coalesce(sum((a.usage ->> 'inputTokens')::bigint), 0) as input_tokens,
                coalesce(sum((a.usage ->> 'outputTokens')::bigint), 0) as output_tokens,
                count(*) filter (where a.usage is null) as without_usage
           from messages a
           join conversations c on c.id = a.conversation_id
           join users u on u.id = c.user_id
          where a.role = 'assistant' and a.ending is not null
            and a.created_at >= ?::timestamptz and a.created_at < ?::timestamptz
            and ${answersInScope.sql}
          group by 1, 2
       ), chats as (
         select (c.created_at at time zone 'UTC')::date as day, u.department_id, count(*) as conversations
           from conversations c
           join users u on u.id = c.user_id
          where c.created_at >= ?::timestamptz and c.created_at < ?::timestamptz
            and ${chatsInScope.sql}
          group by 1, 2
       )
       select to_char(coalesce(a.day, ch.day), 'YYYY-MM-DD') as day, d.id as department_id, d.name as department_name,
              coalesce(ch.conversations, 0) as conversations,
              coalesce(a.complete, 0) as complete, coalesce(a.stopped, 0) as stopped,
              coalesce(a.interrupted, 0) as interrupted, coalesce(a.failed, 0) as failed,
              coalesce(a.input_tokens, 0) as input_tokens, coalesce(a.output_tokens, 0) as output_tokens,
              coalesce(a.without_usage, 0) as without_usage
         from answers a
         full join chats ch on ch.day = a.day and ch.department_id = a.department_id
         join departments d on d.id = coalesce(a.department_id, ch.department_id)
        order by 1, d.name, d.id`,
      [start, endExclusive, ...answersInScope.params, start, endExclusive, ...chatsInScope.params],
      { planEachCall: true },
    );
    return rows.map((row) => ({
      day: row.day,
      department: { id: row.department_id, name: row.department_name },
      conversations: Number(row.conversations),
      answers: { complete: Number(row.complete), stopped: Number(row.stopped), interrupted: Number(row.interrupted), failed: Number(row.failed) },
      inputTokens: Number(row.input_tokens),
      outputTokens: Number(row.output_tokens),
      answersWithoutUsage: Number(row.without_usage),
    }));
  }
}
