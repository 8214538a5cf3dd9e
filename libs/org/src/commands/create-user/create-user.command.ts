import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';
import type { UserRole } from '../../domain/user';
import type { UserProfile } from '../../domain/user-profile';

export class CreateUser extends Command<UserProfile> {
  constructor(
    readonly actor: Actor,
    readonly email: string,
    readonly password: string,
    readonly displayName: string,
    readonly role: UserRole,
    readonly departmentId: string,
  ) {
    super();
  }
}
