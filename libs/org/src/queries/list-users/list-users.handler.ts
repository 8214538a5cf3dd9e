import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor } from '@app/kernel';
import { ValidationFailed } from '@app/platform';
import { toUserProfile } from '../../domain/user-profile';
import { DepartmentRepository, UserRepository } from '../../org.ports';
import { ListUsers } from './list-users.query';

@QueryHandler(ListUsers)
export class ListUsersHandler implements IQueryHandler<ListUsers> {
  constructor(
    private readonly users: UserRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  async execute({ limit, cursor }: ListUsers) {
    const after = cursor === undefined ? null : decodeCursor(cursor);
    if (cursor !== undefined && !after) throw new ValidationFailed([{ field: 'cursor', problem: 'is not a cursor this API issued' }]);
    const rows = await this.users.list(limit + 1, after);
    const departments = new Map((await this.departments.list()).map((d) => [d.id, d]));
    const items = rows.slice(0, limit).map((user) => toUserProfile(user, departments.get(user.departmentId) ?? null));
    const last = rows.length > limit ? rows[limit - 1] : null;
    return { items, nextCursor: last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null };
  }
}
