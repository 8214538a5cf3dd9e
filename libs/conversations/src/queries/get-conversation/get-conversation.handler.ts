import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ConversationAttachments } from '@app/files';
import { ConversationNotFound } from '../../domain/conversation-errors';
import { ConversationRepository, MessageRepository } from '../../conversations.ports';
import { GetConversation } from './get-conversation.query';

@QueryHandler(GetConversation)
export class GetConversationHandler implements IQueryHandler<GetConversation> {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly attachments: ConversationAttachments,
  ) {}

  async execute({ actor, conversationId }: GetConversation) {
    const conversation = await this.conversations.findOwned(conversationId, actor.userId);
    if (!conversation) throw new ConversationNotFound(conversationId);
    const [messages, attachments] = await Promise.all([this.messages.branchPage(conversation.id, 'oldest', null, null), this.attachments.listOf(conversation.id)]);
    return { conversation, messages, attachments };
  }
}
