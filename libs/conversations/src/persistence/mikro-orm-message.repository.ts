import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { PreparedQueries } from '@app/platform';
import { MessageRepository, type BranchOrder } from '../conversations.ports';
import { Message, type AssistantOutcome } from '../domain/message';
import type { BranchMessage } from '../domain/message-branches';
import { branchPageSql, CHOOSE_PATH_SQL, LINEAGE_SQL, SHOWN_TIP_SQL } from './branch-walk.sql';
import { messageOf, type MessageRow } from './message-row';

@Injectable()
export class MikroOrmMessageRepository extends MessageRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly sql: PreparedQueries,
  ) {
    super();
  }

  listOf(conversationId: string) {
    return this.em.find(Message, { conversationId }, { orderBy: { createdAt: 'asc', role: 'desc', id: 'asc' }, refresh: true });
  }

  async branchPage(conversationId: string, order: BranchOrder, after: string | null, limit: number | null): Promise<BranchMessage[]> {
    const { sql, params } = branchPageSql(conversationId, order, after, limit);
    const rows = await this.sql.rows<MessageRow & { sibling_ids: string[] }>(sql, params);
    return rows.map((row) => {
      const siblingIds = row.sibling_ids;
      return { message: messageOf(row), siblingIds, siblingIndex: siblingIds.indexOf(row.id) + 1 };
    });
  }

  async shownTip(conversationId: string) {
    const [row] = await this.sql.rows<MessageRow>(SHOWN_TIP_SQL, [conversationId]);
    return row ? messageOf(row) : null;
  }

  async lineage(messageId: string, maxChars: number) {
    return (await this.sql.rows<MessageRow>(LINEAGE_SQL, [messageId, maxChars])).map(messageOf);
  }

  async hasStreamingAnswer(questionId: string) {
    const rows = await this.sql.rows<{ id: string }>(`select id from messages where parent_id = ? and status = 'streaming' limit 1`, [questionId]);
    return rows.length > 0;
  }

  async findOwnedAnswer(messageId: string, userId: string) {
    const message = await this.findOwned(messageId, userId);
    return message?.role === 'assistant' ? message : null;
  }

  async findOwned(messageId: string, userId: string) {
    const [row] = await this.em
      .getConnection()
      .execute<Array<{ id: string }>>(`select m.id from messages m join conversations c on c.id = m.conversation_id where m.id = ? and c.user_id = ?`, [messageId, userId]);
    return row ? this.em.findOne(Message, { id: row.id }, { refresh: true }) : null;
  }

  async choose(messageId: string, now: Date) {
    await this.sql.rowCount(CHOOSE_PATH_SQL, [messageId, now, messageId]);
  }

  async saveProgress(messageId: string, content: string, now: Date) {
    await this.em.nativeUpdate(Message, { id: messageId, status: 'streaming' }, { content, updatedAt: now });
  }

  async finish(messageId: string, outcome: AssistantOutcome, now: Date) {
    await this.em.nativeUpdate(
      Message,
      { id: messageId, status: 'streaming' },
      {
        status: outcome.status,
        content: outcome.content,
        citations: outcome.citations,
        finishReason: outcome.finishReason,
        usage: outcome.usage,
        errorCode: outcome.errorCode,
        ending: outcome.ending,
        updatedAt: now,
      },
    );
  }

  async listStreaming() {
    const rows = await this.em
      .getConnection()
      .execute<Array<{ id: string; user_id: string }>>(`select m.id, c.user_id from messages m join conversations c on c.id = m.conversation_id where m.status = 'streaming'`);
    return rows.map((row) => ({ messageId: row.id, userId: row.user_id }));
  }

  markInterrupted(messageIds: string[], now: Date) {
    if (messageIds.length === 0) return Promise.resolve(0);
    return this.em.nativeUpdate(Message, { id: { $in: messageIds }, status: 'streaming' }, { status: 'interrupted', ending: 'interrupted', updatedAt: now });
  }
}
