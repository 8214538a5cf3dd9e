import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { MessageRepository } from '../conversations.ports';
import { Message, type AssistantOutcome } from '../domain/message';

@Injectable()
export class MikroOrmMessageRepository extends MessageRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  listOf(conversationId: string) {
    return this.em.find(Message, { conversationId }, { orderBy: { createdAt: 'asc', role: 'desc', id: 'asc' }, refresh: true });
  }

  async recentOf(conversationId: string, limit: number) {
    const newestFirst = await this.em.find(Message, { conversationId }, { orderBy: { createdAt: 'desc', role: 'asc', id: 'desc' }, limit });
    return newestFirst.reverse();
  }

  async findOwnedAnswer(messageId: string, userId: string) {
    const message = await this.findOwned(messageId, userId);
    return message?.role === 'assistant' ? message : null;
  }

  async findOwned(messageId: string, userId: string) {
    const [row] = await this.em.getConnection().execute<Array<{ id: string }>>(
      `select m.id from messages m join conversations c on c.id = m.conversation_id where m.id = ? and c.user_id = ?`,
      [messageId, userId],
    );
    return row ? this.em.findOne(Message, { id: row.id }, { refresh: true }) : null;
  }

  async choose(messageId: string, now: Date) {
    await this.em.nativeUpdate(Message, { id: messageId }, { selectedAt: now });
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
    const rows = await this.em.getConnection().execute<Array<{ id: string; user_id: string }>>(
      `select m.id, c.user_id from messages m join conversations c on c.id = m.conversation_id where m.status = 'streaming'`,
    );
    return rows.map((row) => ({ messageId: row.id, userId: row.user_id }));
  }

  markInterrupted(messageIds: string[], now: Date) {
    if (messageIds.length === 0) return Promise.resolve(0);
    return this.em.nativeUpdate(Message, { id: { $in: messageIds }, status: 'streaming' }, { status: 'interrupted', ending: 'interrupted', updatedAt: now });
  }
}
