import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConversationNotFound } from '../../domain/conversation-errors';
import { ConversationRepository } from '../../conversations.ports';
import { RenameConversation } from './rename-conversation.command';

@CommandHandler(RenameConversation)
export class RenameConversationHandler implements ICommandHandler<RenameConversation> {
  constructor(private readonly conversations: ConversationRepository) {}

  async execute({ actor, conversationId, title }: RenameConversation) {
    const conversation = await this.conversations.findOwned(conversationId, actor.userId);
    if (!conversation) throw new ConversationNotFound(conversationId);
    conversation.rename(title, new Date());
    await this.conversations.save(conversation);
    return conversation;
  }
}
