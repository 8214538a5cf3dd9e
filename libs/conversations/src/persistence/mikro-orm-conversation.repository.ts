import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Cursor } from '@app/kernel';
import { PreparedQueries } from '@app/platform';
import { ConversationRepository, type ConversationSummary } from '../conversations.ports';
import { Conversation } from '../domain/conversation';
import type { Message } from '../domain/message';

interface SummaryRow {
  id: string;
  title: string | null;
  created_at: Date;
  updated_at: Date;
  message_count: string | number;
}

@Injectable()
export class MikroOrmConversationRepository extends ConversationRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly sql: PreparedQueries,
  ) {
    super();
  }

  findOwned(id: string, userId: string) {
    return this.em.findOne(Conversation, { id, userId });
  }

  async listOwned(userId: string, limit: number, after: Cursor | null): Promise<ConversationSummary[]> {
    const keyset = after ? 'and (c.updated_at, c.id) < (?::timestamptz, ?::uuid)' : '';
    const params = after ? [userId, after.at, after.id, limit] : [userId, limit];
    const rows = await this.sql.rows<SummaryRow>(
      `select c.id, c.title, c.created_at, c.updated_at,
              (select count(*) from messages m where m.conversation_id = c.id) as message_count
         from conversations c
        where c.user_id = ? ${keyset}
        order by c.updated_at desc, c.id desc
        limit ?`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
      messageCount: Number(row.message_count),
    }));
  }

  async save(conversation: Conversation) {
    await this.em.persist(conversation).flush();
  }

  async saveWithMessages(conversation: Conversation, messages: Message[]) {
    if (this.em.getUnitOfWork().getById(Conversation, conversation.id) !== conversation) return this.insertWithMessages(conversation, messages);
    // The schemas declare no relations, so the unit of work cannot order the inserts itself:
    // the conversation is flushed first, inside the same transaction.
    await this.em.transactional(async (em) => {
      await em.persist(conversation).flush();
      await em.persist(messages).flush();
    });
  }

  /**
   * A new conversation and its first messages in one statement, so one round trip before a
   * chat's answer can start. The messages' foreign key is checked when the statement ends,
   * after the conversation row is written; a failure writes nothing.
   */
  private async insertWithMessages(conversation: Conversation, messages: Message[]) {
    const rows = messages.map((m) => ({
      id: m.id,
      role: m.role,
      content: m.content,
      citations: m.citations,
      status: m.status,
      finish_reason: m.finishReason,
      usage: m.usage,
      error_code: m.errorCode,
      ending: m.ending,
      created_at: m.createdAt,
      updated_at: m.updatedAt,
      parent_id: m.parentId,
      selected_at: m.selectedAt,
    }));
    await this.sql.rowCount(
      `with conversation as (
         insert into conversations (id, user_id, title, created_at, updated_at) values (?, ?, ?, ?, ?) returning id
       )
       insert into messages (id, conversation_id, role, content, citations, status, finish_reason, usage, error_code, ending, created_at, updated_at, parent_id, selected_at)
       select m.id, conversation.id, m.role, m.content, m.citations, m.status, m.finish_reason, m.usage, m.error_code, m.ending, m.created_at, m.updated_at, m.parent_id, m.selected_at
         from conversation,
              jsonb_to_recordset(?::jsonb) as m(id uuid, role text, content text, citations jsonb, status text, finish_reason text,
                                                usage jsonb, error_code text, ending text, created_at timestamptz, updated_at timestamptz,
                                                parent_id uuid, selected_at timestamptz)`,
      [conversation.id, conversation.userId, conversation.title, conversation.createdAt, conversation.updatedAt, JSON.stringify(rows)],
    );
  }

  async delete(conversation: Conversation) {
    // messages (and their feedback) go by the foreign keys' on delete cascade
    await this.em.remove(conversation).flush();
  }
}
