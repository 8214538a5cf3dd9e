import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConversationNotFound, MessageNotFound } from '../../domain/conversation-errors';
import { ConversationRepository, MessageRepository } from '../../conversations.ports';
import { ShowMessageVersion } from './show-message-version.command';

@CommandHandler(ShowMessageVersion)
export class ShowMessageVersionHandler implements ICommandHandler<ShowMessageVersion> {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
  ) {}

  async execute({ actor, conversationId, messageId }: ShowMessageVersion) {
    const conversation = await this.conversations.findOwned(conversationId, actor.userId);
    if (!conversation) throw new ConversationNotFound(conversationId);
    const message = await this.messages.findOwned(messageId, actor.userId);
    if (!message || message.conversationId !== conversation.id) throw new MessageNotFound(messageId);
    await this.messages.choose(message.id, new Date());
  }
}
