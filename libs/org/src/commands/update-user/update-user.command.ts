import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';
import type { UserRole } from '../../domain/user';
import type { UserProfile } from '../../domain/user-profile';

export interface UserChanges {
  displayName?: string;
  role?: UserRole;
  departmentId?: string;
  password?: string;
  disabled?: boolean;
}

export class UpdateUser extends Command<UserProfile> {
  constructor(
    readonly actor: Actor,
    readonly userId: string,
    readonly changes: UserChanges,
  ) {
    super();
  }
}
