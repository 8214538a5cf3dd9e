import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConversationNotFound } from '../../domain/conversation-errors';
import { ConversationRepository } from '../../conversations.ports';
import { DeleteConversation } from './delete-conversation.command';

@CommandHandler(DeleteConversation)
export class DeleteConversationHandler implements ICommandHandler<DeleteConversation> {
  constructor(private readonly conversations: ConversationRepository) {}

  async execute({ actor, conversationId }: DeleteConversation) {
    const conversation = await this.conversations.findOwned(conversationId, actor.userId);
    if (!conversation) throw new ConversationNotFound(conversationId);
    await this.conversations.delete(conversation);
  }
}
