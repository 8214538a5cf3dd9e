export { AuditModule } from './audit.module';
export { AuditLog } from './audit.ports';
export { AUDIT_ACTIONS, type AuditAction, type AuditRecord } from './domain/audit-entry';
export { RecordingAuditLog } from './testing/recording-audit-log';
