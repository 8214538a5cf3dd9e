import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessDirectory } from '@app/access';
import { decodeCursor, encodeCursor } from '@app/kernel';
import { AdminOnly, ValidationFailed } from '@app/platform';
import { toUserProfile } from '../../domain/user-profile';
import { DepartmentRepository, UserRepository } from '../../org.ports';
import { ListUsers } from './list-users.query';

/** Admins list everyone; a department admin the users of their subtree; members nobody. */
@QueryHandler(ListUsers)
export class ListUsersHandler implements IQueryHandler<ListUsers> {
  constructor(
    private readonly users: UserRepository,
    private readonly departments: DepartmentRepository,
    private readonly access: AccessDirectory,
  ) {}

  async execute({ actor, limit, cursor }: ListUsers) {
    const scope = await this.access.managementScopeOf(actor);
    if (scope.reach === 'none') throw new AdminOnly();
    const after = cursor === undefined ? null : decodeCursor(cursor);
    if (cursor !== undefined && !after) throw new ValidationFailed([{ field: 'cursor', problem: 'is not a cursor this API issued' }]);
    const rows = await this.users.list(limit + 1, after, scope.departmentIds() ?? undefined);
    const departments = new Map((await this.departments.list()).map((d) => [d.id, d]));
    const items = rows.slice(0, limit).map((user) => toUserProfile(user, departments.get(user.departmentId) ?? null));
    const last = rows.length > limit ? rows[limit - 1] : null;
    return { items, nextCursor: last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null };
  }
}
