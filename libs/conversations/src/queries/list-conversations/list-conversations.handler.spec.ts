import type { Actor } from '@app/platform';
import { ValidationFailed } from '@app/platform';
import { InMemoryConversations } from '../../testing';
import { Conversation } from '../../domain/conversation';
import { Message } from '../../domain/message';
import { ListConversations } from './list-conversations.query';
import { ListConversationsHandler } from './list-conversations.handler';

const owner: Actor = { userId: 'u1', role: 'member', departmentId: 'd1' };
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
// Conversation ids are UUIDs, and a cursor carries one: the letters name them in the assertions.
const id = { a: 'a0000000-0000-4000-8000-00000000000a', b: 'b0000000-0000-4000-8000-00000000000b', c: 'c0000000-0000-4000-8000-00000000000c' };
const letterOf = (uuid: string) => Object.entries(id).find(([, value]) => value === uuid)?.[0];

describe('ListConversationsHandler', () => {
  let conversations: InMemoryConversations;
  let handler: ListConversationsHandler;

  beforeEach(async () => {
    conversations = new InMemoryConversations();
    handler = new ListConversationsHandler(conversations);
    for (const [letter, minute] of [
      ['a', 1],
      ['b', 3],
      ['c', 2],
    ] as const)
      await conversations.save(Conversation.start(id[letter], 'u1', letter, at(minute)));
    await conversations.save(Conversation.start('d0000000-0000-4000-8000-00000000000d', 'u2', 'x', at(9)));
    await conversations.saveWithMessages(conversations.rows.get(id.a)!, [Message.fromUser('m1', id.a, 'hi', at(1))]);
  });

  it('lists only the caller’s conversations, newest activity first, page by page', async () => {
    const first = await handler.execute(new ListConversations(owner, 2));
    expect(first.items.map((c) => letterOf(c.id))).toEqual(['b', 'c']);
    const second = await handler.execute(new ListConversations(owner, 2, first.nextCursor!));
    expect(second.items.map((c) => [letterOf(c.id), c.messageCount])).toEqual([['a', 1]]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not issue', async () => {
    await expect(handler.execute(new ListConversations(owner, 2, 'not-a-cursor'))).rejects.toBeInstanceOf(ValidationFailed);
  });
});
