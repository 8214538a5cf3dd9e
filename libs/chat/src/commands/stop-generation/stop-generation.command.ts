import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';

export class StopGeneration extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly assistantMessageId: string,
  ) {
    super();
  }
}
