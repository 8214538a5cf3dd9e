import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';
import type { Conversation } from '../../domain/conversation';

export class CreateConversation extends Command<Conversation> {
  constructor(
    readonly actor: Actor,
    readonly title: string | null,
  ) {
    super();
  }
}
