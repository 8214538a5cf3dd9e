import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';
import type { Department } from '../../domain/department';

export interface DepartmentChanges {
  name?: string;
  /** null moves it to the top of the tree. */
  parentId?: string | null;
}

export class UpdateDepartment extends Command<Department> {
  constructor(
    readonly actor: Actor,
    readonly departmentId: string,
    readonly changes: DepartmentChanges,
  ) {
    super();
  }
}
