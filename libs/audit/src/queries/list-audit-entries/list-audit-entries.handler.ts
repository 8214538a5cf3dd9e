import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccessDirectory } from '@app/access';
import { decodeCursor, encodeCursor } from '@app/kernel';
import { AdminOnly, ValidationFailed } from '@app/platform';
import { AuditEntries } from '../../audit.ports';
import { ListAuditEntries } from './list-audit-entries.query';

/** Organisation admins read the whole log; a department admin the entries about their subtree; members nothing. */
@QueryHandler(ListAuditEntries)
export class ListAuditEntriesHandler implements IQueryHandler<ListAuditEntries> {
  constructor(
    private readonly entries: AuditEntries,
    private readonly access: AccessDirectory,
  ) {}

  async execute({ actor, filter, limit, cursor }: ListAuditEntries) {
    const scope = await this.access.managementScopeOf(actor);
    if (scope.reach === 'none') throw new AdminOnly();
    const after = cursor === undefined ? null : decodeCursor(cursor);
    if (cursor !== undefined && !after) throw new ValidationFailed([{ field: 'cursor', problem: 'is not a cursor this API issued' }]);
    const departmentIds = scope.departmentIds();
    const rows = await this.entries.list({ ...filter, ...(departmentIds ? { departmentIds } : {}) }, limit + 1, after);
    const last = rows.length > limit ? rows[limit - 1] : null;
    return { items: rows.slice(0, limit), nextCursor: last ? encodeCursor({ at: last.at.toISOString(), id: last.id }) : null };
  }
}
