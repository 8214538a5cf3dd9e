import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';
import type { Feedback } from '../../chat.ports';

export class GiveFeedback extends Command<Feedback> {
  constructor(
    readonly actor: Actor,
    readonly assistantMessageId: string,
    readonly rating: 'up' | 'down',
    readonly comment: string | null,
  ) {
    super();
  }
}
