import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Cursor } from '@app/kernel';
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
  constructor(private readonly em: EntityManager) {
    super();
  }

  findOwned(id: string, userId: string) {
    return this.em.findOne(Conversation, { id, userId });
  }

  async listOwned(userId: string, limit: number, after: Cursor | null): Promise<ConversationSummary[]> {
    const keyset = after ? 'and (c.updated_at, c.id) < (?::timestamptz, ?::uuid)' : '';
    const params = after ? [userId, after.at, after.id, limit] : [userId, limit];
    const rows = await this.em.getConnection().execute<SummaryRow[]>(
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
    // The schemas declare no relations, so the unit of work cannot order the inserts itself:
    // the conversation is flushed first, inside the same transaction.
    await this.em.transactional(async (em) => {
      await em.persist(conversation).flush();
      await em.persist(messages).flush();
    });
  }

  async delete(conversation: Conversation) {
    // messages (and their feedback) go by the foreign keys' on delete cascade
    await this.em.remove(conversation).flush();
  }
}
