export { AuditModule } from './audit.module';
export { AuditLog } from './audit.ports';
export type { AuditRecord } from './domain/audit-entry';
