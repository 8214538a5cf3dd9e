import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ConversationNotFound } from '../../domain/conversation-errors';
import { ConversationRepository, MessageRepository } from '../../conversations.ports';
import { GetConversation } from './get-conversation.query';

@QueryHandler(GetConversation)
export class GetConversationHandler implements IQueryHandler<GetConversation> {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
  ) {}

  async execute({ actor, conversationId }: GetConversation) {
    const conversation = await this.conversations.findOwned(conversationId, actor.userId);
    if (!conversation) throw new ConversationNotFound(conversationId);
    return { conversation, messages: await this.messages.branchPage(conversation.id, 'oldest', null, null) };
  }
}
