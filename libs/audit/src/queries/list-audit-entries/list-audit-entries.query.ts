import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/kernel';
import type { Actor } from '@app/platform';
import type { AuditFilter } from '../../audit.ports';
import type { AuditEntry } from '../../domain/audit-entry';

export class ListAuditEntries extends Query<Page<AuditEntry>> {
  constructor(
    readonly actor: Actor,
    readonly filter: Omit<AuditFilter, 'departmentIds'>,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
