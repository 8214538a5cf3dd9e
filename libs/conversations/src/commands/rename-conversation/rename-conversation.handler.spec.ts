import type { Actor } from '@app/platform';
import { InMemoryConversations } from '../../testing';
import { Conversation } from '../../domain/conversation';
import { ConversationNotFound, InvalidConversationTitle } from '../../domain/conversation-errors';
import { RenameConversation } from './rename-conversation.command';
import { RenameConversationHandler } from './rename-conversation.handler';

const owner: Actor = { userId: 'u1', role: 'member', departmentId: 'd1' };
const admin: Actor = { userId: 'a1', role: 'admin', departmentId: 'd1' };

describe('RenameConversationHandler', () => {
  let conversations: InMemoryConversations;
  let handler: RenameConversationHandler;

  beforeEach(async () => {
    conversations = new InMemoryConversations();
    handler = new RenameConversationHandler(conversations);
    await conversations.save(Conversation.start('c1', 'u1', 'Old', new Date('2026-01-01')));
  });

  it('renames the owner’s conversation, trimmed, and moves its activity time', async () => {
    const renamed = await handler.execute(new RenameConversation(owner, 'c1', '  New name '));
    expect(renamed.title).toBe('New name');
    expect(conversations.rows.get('c1')!.updatedAt.getTime()).toBeGreaterThan(new Date('2026-01-01').getTime());
  });

  it('answers not found to anyone but the owner, admins included', async () => {
    await expect(handler.execute(new RenameConversation(admin, 'c1', 'Mine now'))).rejects.toBeInstanceOf(ConversationNotFound);
    expect(conversations.rows.get('c1')!.title).toBe('Old');
  });

  it('refuses a title over 200 characters', async () => {
    await expect(handler.execute(new RenameConversation(owner, 'c1', 'x'.repeat(201)))).rejects.toBeInstanceOf(InvalidConversationTitle);
  });
});
