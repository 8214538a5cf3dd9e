import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';
import type { Conversation } from '../../domain/conversation';

export class RenameConversation extends Command<Conversation> {
  constructor(
    readonly actor: Actor,
    readonly conversationId: string,
    readonly title: string,
  ) {
    super();
  }
}
