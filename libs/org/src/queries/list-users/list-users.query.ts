import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/kernel';
import type { UserProfile } from '../../domain/user-profile';

export class ListUsers extends Query<Page<UserProfile>> {
  constructor(
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
