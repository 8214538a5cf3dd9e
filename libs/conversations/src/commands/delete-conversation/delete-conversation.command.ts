import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';

export class DeleteConversation extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly conversationId: string,
  ) {
    super();
  }
}
