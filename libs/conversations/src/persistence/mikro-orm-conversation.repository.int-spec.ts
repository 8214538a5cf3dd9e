import { randomUUID } from 'node:crypto';
import { insertUserRow } from '@app/testing/org';
import { openTestDatabase, type TestDatabase } from '@app/testing/platform';
import { Conversation } from '../domain/conversation';
import { Message } from '../domain/message';
import { ConversationSchema, MessageSchema } from './conversations.schemas';
import { MikroOrmConversationRepository } from './mikro-orm-conversation.repository';
import { MikroOrmMessageRepository } from './mikro-orm-message.repository';

describe('MikroORM conversation repository (PostgreSQL)', () => {
  let db: TestDatabase;
  let conversations: MikroOrmConversationRepository;
  let messageRepository: MikroOrmMessageRepository;
  let userId: string;

  beforeAll(async () => {
    db = await openTestDatabase([ConversationSchema, MessageSchema]);
    conversations = new MikroOrmConversationRepository(db.em, db.sql);
    messageRepository = new MikroOrmMessageRepository(db.em, db.sql);
    ({ userId } = await insertUserRow(db));
  });
  afterAll(() => db?.close());

  const started = (now: Date) => {
    const conversation = Conversation.startedBy(randomUUID(), userId, 'How long is parental leave?', now);
    const question = Message.fromUser(randomUUID(), conversation.id, 'How long is parental leave?', now);
    const answer = Message.answerStarting(randomUUID(), conversation.id, now);
    return { conversation, question, answer };
  };

  it('stores a new conversation with its first messages, read back as written', async () => {
    const now = new Date('2026-11-25T10:00:00.000Z');
    const { conversation, question, answer } = started(now);
    await db.inContext(() => conversations.saveWithMessages(conversation, [question, answer]));

    const { found, messages } = await db.inContext(async () => ({
      found: await conversations.findOwned(conversation.id, userId),
      messages: await messageRepository.listOf(conversation.id),
    }));
    expect(found).toEqual(conversation);
    expect(messages).toEqual([question, answer]);
  });

  it('writes nothing when one of the messages cannot be stored', async () => {
    const now = new Date();
    const { conversation, question, answer } = started(now);
    const clash = Message.fromUser(question.id, conversation.id, 'same id twice', now);
    await expect(db.inContext(() => conversations.saveWithMessages(conversation, [question, answer, clash]))).rejects.toThrow();
    expect(await db.inContext(() => conversations.findOwned(conversation.id, userId))).toBeNull();
  });

  it('adds messages to a conversation it has loaded and records the activity', async () => {
    const first = new Date('2026-11-25T10:00:00.000Z');
    const { conversation, question, answer } = started(first);
    await db.inContext(() => conversations.saveWithMessages(conversation, [question, answer]));
    const later = new Date('2026-11-25T10:05:00.000Z');
    const followUp = Message.fromUser(randomUUID(), conversation.id, 'And for adoption?', later);
    await db.inContext(async () => {
      const loaded = (await conversations.findOwned(conversation.id, userId))!;
      loaded.recordMessage('And for adoption?', later);
      await conversations.saveWithMessages(loaded, [followUp]);
    });
    const { found, messages } = await db.inContext(async () => ({
      found: await conversations.findOwned(conversation.id, userId),
      messages: await messageRepository.listOf(conversation.id),
    }));
    expect(found?.updatedAt).toEqual(later);
    expect(messages.map((m) => m.id)).toEqual([question.id, answer.id, followUp.id]);
  });
});
