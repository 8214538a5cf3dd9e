import { EntitySchema } from '@mikro-orm/core';
import { AuditEntry } from '../domain/audit-entry';

export const AuditEntrySchema = new EntitySchema<AuditEntry>({
  class: AuditEntry,
  tableName: 'audit_entries',
  properties: {
    id: { type: 'uuid', primary: true },
    at: { type: 'Date', columnType: 'timestamptz' },
    actorId: { type: 'uuid', nullable: true },
    action: { type: 'text' },
    targetType: { type: 'text' },
    targetId: { type: 'text' },
    requestId: { type: 'text', nullable: true },
    detail: { type: 'json', columnType: 'jsonb' },
    departmentIds: { type: 'string[]', columnType: 'uuid[]' },
  },
});
