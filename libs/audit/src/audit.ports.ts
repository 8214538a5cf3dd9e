import type { Cursor } from '@app/kernel';
import type { AuditAction, AuditEntry, AuditRecord } from './domain/audit-entry';

/**
 * Where use cases record what administrators change. `record` joins the unit of work it is
 * called in: call it inside `Transactions.run`, with the change, so that the entry exists if and
 * only if the change does.
 */
export abstract class AuditLog {
  abstract record(record: AuditRecord): Promise<void>;
}

export interface AuditFilter {
  actorId?: string;
  action?: AuditAction;
  from?: Date;
  to?: Date;
  /** Only entries that concern one of these departments; absent for every entry. */
  departmentIds?: readonly string[];
}

export abstract class AuditEntries {
  /** Newest first, after the cursor. */
  abstract list(filter: AuditFilter, limit: number, after: Cursor | null): Promise<AuditEntry[]>;
}
