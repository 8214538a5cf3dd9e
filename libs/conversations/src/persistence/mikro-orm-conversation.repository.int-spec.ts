import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createSession, inOrmContext, startApi } from '../../../../test/e2e/support/test-app';
import { ConversationRepository, MessageRepository } from '../conversations.ports';
import { Conversation } from '../domain/conversation';
import { Message } from '../domain/message';

describe('MikroORM conversation repository (PostgreSQL)', () => {
  let app: INestApplication;
  let userId: string;

  beforeAll(async () => {
    app = await startApi();
    userId = (await createSession(app, 'member')).id;
  });
  afterAll(() => app.close());

  const started = (now: Date) => {
    const conversation = Conversation.startedBy(randomUUID(), userId, 'How long is parental leave?', now);
    const question = Message.fromUser(randomUUID(), conversation.id, 'How long is parental leave?', now);
    const answer = Message.answerStarting(randomUUID(), conversation.id, now);
    return { conversation, question, answer };
  };

  it('stores a new conversation with its first messages, read back as written', async () => {
    const now = new Date('2026-11-25T10:00:00.000Z');
    const { conversation, question, answer } = started(now);
    await inOrmContext(app, () => app.get(ConversationRepository).saveWithMessages(conversation, [question, answer]));

    const { found, messages } = await inOrmContext(app, async () => ({
      found: await app.get(ConversationRepository).findOwned(conversation.id, userId),
      messages: await app.get(MessageRepository).listOf(conversation.id),
    }));
    expect(found).toEqual(conversation);
    expect(messages).toEqual([question, answer]);
  });

  it('writes nothing when one of the messages cannot be stored', async () => {
    const now = new Date();
    const { conversation, question, answer } = started(now);
    const clash = Message.fromUser(question.id, conversation.id, 'same id twice', now);
    await expect(inOrmContext(app, () => app.get(ConversationRepository).saveWithMessages(conversation, [question, answer, clash]))).rejects.toThrow();
    expect(await inOrmContext(app, () => app.get(ConversationRepository).findOwned(conversation.id, userId))).toBeNull();
  });

  it('adds messages to a conversation it has loaded and records the activity', async () => {
    const first = new Date('2026-11-25T10:00:00.000Z');
    const { conversation, question, answer } = started(first);
    await inOrmContext(app, () => app.get(ConversationRepository).saveWithMessages(conversation, [question, answer]));
    const later = new Date('2026-11-25T10:05:00.000Z');
    const followUp = Message.fromUser(randomUUID(), conversation.id, 'And for adoption?', later);
    await inOrmContext(app, async () => {
      const conversations = app.get(ConversationRepository);
      const loaded = (await conversations.findOwned(conversation.id, userId))!;
      loaded.recordMessage('And for adoption?', later);
      await conversations.saveWithMessages(loaded, [followUp]);
    });
    const { found, messages } = await inOrmContext(app, async () => ({
      found: await app.get(ConversationRepository).findOwned(conversation.id, userId),
      messages: await app.get(MessageRepository).listOf(conversation.id),
    }));
    expect(found?.updatedAt).toEqual(later);
    expect(messages.map((m) => m.id)).toEqual([question.id, answer.id, followUp.id]);
  });
});
