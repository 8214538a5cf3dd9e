import { Query } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';
import type { Conversation } from '../../domain/conversation';
import type { Message } from '../../domain/message';

export interface ConversationWithMessages {
  conversation: Conversation;
  messages: Message[];
}

export class GetConversation extends Query<ConversationWithMessages> {
  constructor(
    readonly actor: Actor,
    readonly conversationId: string,
  ) {
    super();
  }
}
