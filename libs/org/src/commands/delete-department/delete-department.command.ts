import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';

export class DeleteDepartment extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly departmentId: string,
  ) {
    super();
  }
}
