import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';

export class DeleteFile extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly fileId: string,
  ) {
    super();
  }
}
