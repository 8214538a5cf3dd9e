import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Conversation } from '../../domain/conversation';
import { ConversationRepository } from '../../conversations.ports';
import { CreateConversation } from './create-conversation.command';

@CommandHandler(CreateConversation)
export class CreateConversationHandler implements ICommandHandler<CreateConversation> {
  constructor(private readonly conversations: ConversationRepository) {}

  async execute({ actor, title }: CreateConversation) {
    const conversation = Conversation.start(randomUUID(), actor.userId, title, new Date());
    await this.conversations.save(conversation);
    return conversation;
  }
}
