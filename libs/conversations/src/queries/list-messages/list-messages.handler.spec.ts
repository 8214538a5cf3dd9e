import { encodeCursor } from '@app/kernel';
import { ValidationFailed, type Actor } from '@app/platform';
import { Conversation } from '../../domain/conversation';
import { ConversationNotFound } from '../../domain/conversation-errors';
import { Message } from '../../domain/message';
import { InMemoryConversations } from '../../testing/in-memory-conversations';
import { ListMessagesHandler } from './list-messages.handler';
import { ListMessages } from './list-messages.query';

const owner: Actor = { userId: 'u1', role: 'member', departmentId: 'd1' };
const stranger: Actor = { userId: 'u2', role: 'member', departmentId: 'd1' };
const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second));
// Message ids are UUIDs (a cursor carries one); the number in the last group names the message.
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CONVERSATION = 'c0000000-0000-4000-8000-00000000000c';
const OTHER = 'd0000000-0000-4000-8000-00000000000d';

describe('ListMessagesHandler', () => {
  let conversations: InMemoryConversations;
  let handler: ListMessagesHandler;
  const contents = (page: { items: Array<{ message: Message }> }) => page.items.map((item) => item.message.content);

  beforeEach(async () => {
    conversations = new InMemoryConversations();
    handler = new ListMessagesHandler(conversations, conversations.messages);
    const line: Message[] = [];
    for (let n = 1; n <= 5; n++) {
      const parent = line.at(-1)?.id ?? null;
      line.push(n % 2 ? Message.fromUser(uuid(n), CONVERSATION, `m${n}`, at(n), parent) : Object.assign(Message.answerStarting(uuid(n), CONVERSATION, at(n), parent), { content: `m${n}` }));
    }
    await conversations.saveWithMessages(Conversation.start(CONVERSATION, 'u1', 'Long', at(0)), line);
    await conversations.saveWithMessages(Conversation.start(OTHER, 'u1', 'Other', at(0)), [Message.fromUser(uuid(99), OTHER, 'elsewhere', at(0))]);
  });

  it('pages the branch newest first, and oldest first, each page on from the last', async () => {
    const first = await handler.execute(new ListMessages(owner, CONVERSATION, 'newest', 2));
    expect(contents(first)).toEqual(['m5', 'm4']);
    const second = await handler.execute(new ListMessages(owner, CONVERSATION, 'newest', 2, first.nextCursor!));
    const third = await handler.execute(new ListMessages(owner, CONVERSATION, 'newest', 2, second.nextCursor!));
    expect([contents(second), contents(third), third.nextCursor]).toEqual([['m3', 'm2'], ['m1'], null]);

    const oldest = await handler.execute(new ListMessages(owner, CONVERSATION, 'oldest', 3));
    const rest = await handler.execute(new ListMessages(owner, CONVERSATION, 'oldest', 3, oldest.nextCursor!));
    expect([contents(oldest), contents(rest), rest.nextCursor]).toEqual([['m1', 'm2', 'm3'], ['m4', 'm5'], null]);
  });

  it('refuses a cursor that is not one it issued for this conversation', async () => {
    const refused = (cursor: string) => expect(handler.execute(new ListMessages(owner, CONVERSATION, 'newest', 2, cursor))).rejects.toBeInstanceOf(ValidationFailed);
    await refused('not-a-cursor');
    await refused(encodeCursor({ at: at(1).toISOString(), id: uuid(42) }));
    await refused(encodeCursor({ at: at(0).toISOString(), id: uuid(99) }));
  });

  it('does not show another user’s conversation', async () => {
    await expect(handler.execute(new ListMessages(stranger, CONVERSATION, 'newest', 2))).rejects.toBeInstanceOf(ConversationNotFound);
  });
});
