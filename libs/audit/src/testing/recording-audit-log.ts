import { AuditLog } from '../audit.ports';
import type { AuditRecord } from '../domain/audit-entry';

/** Keeps what use cases record, for handler specs. */
export class RecordingAuditLog extends AuditLog {
  readonly records: AuditRecord[] = [];

  async record(record: AuditRecord): Promise<void> {
    this.records.push(record);
  }
}
