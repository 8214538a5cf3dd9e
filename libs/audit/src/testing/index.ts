/** The audit module's in-memory ports, for specs only. */
export { RecordingAuditLog } from './recording-audit-log';
