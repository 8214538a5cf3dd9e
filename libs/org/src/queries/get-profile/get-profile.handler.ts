import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UserNotFound } from '../../domain/org-errors';
import { toUserProfile } from '../../domain/user-profile';
import { DepartmentRepository, UserRepository } from '../../org.ports';
import { GetProfile } from './get-profile.query';

@QueryHandler(GetProfile)
export class GetProfileHandler implements IQueryHandler<GetProfile> {
  constructor(
    private readonly users: UserRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  async execute({ userId }: GetProfile) {
    const user = await this.users.findById(userId);
    if (!user) throw new UserNotFound(userId);
    return toUserProfile(user, await this.departments.findById(user.departmentId));
  }
}
