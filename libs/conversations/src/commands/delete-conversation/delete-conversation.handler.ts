import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConversationAttachments } from '@app/files';
import { ConversationNotFound } from '../../domain/conversation-errors';
import { ConversationRepository } from '../../conversations.ports';
import { DeleteConversation } from './delete-conversation.command';

@CommandHandler(DeleteConversation)
export class DeleteConversationHandler implements ICommandHandler<DeleteConversation> {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly attachments: ConversationAttachments,
  ) {}

  async execute({ actor, conversationId }: DeleteConversation) {
    const conversation = await this.conversations.findOwned(conversationId, actor.userId);
    if (!conversation) throw new ConversationNotFound(conversationId);
    // Attachments first: should the conversation's delete then fail, they are gone rather than orphaned.
    await this.attachments.removeAllOf(conversation.id);
    await this.conversations.delete(conversation);
  }
}
