import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';
import type { Department } from '../../domain/department';

export class CreateDepartment extends Command<Department> {
  constructor(
    readonly actor: Actor,
    readonly name: string,
    readonly parentId: string | null,
  ) {
    super();
  }
}
