import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';

/** Shows this version of a message (a regenerated answer, an edited question) and the branch under it. */
export class ShowMessageVersion extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly conversationId: string,
    readonly messageId: string,
  ) {
    super();
  }
}
