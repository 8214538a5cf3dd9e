import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/kernel';
import type { Actor } from '@app/platform';
import type { UserProfile } from '../../domain/user-profile';

export class ListUsers extends Query<Page<UserProfile>> {
  constructor(
    readonly actor: Actor,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
