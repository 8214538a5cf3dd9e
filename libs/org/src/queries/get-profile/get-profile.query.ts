import { Query } from '@nestjs/cqrs';
import type { UserProfile } from '../../domain/user-profile';

export class GetProfile extends Query<UserProfile> {
  constructor(readonly userId: string) {
    super();
  }
}
