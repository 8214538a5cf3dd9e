/** Every kind of change the audit log records; stable strings that clients filter on. */
export const AUDIT_ACTIONS = [
  'user.created',
  'user.updated',
  'department.created',
  'department.renamed',
  'department.moved',
  'department.deleted',
  'file.uploaded',
  'file.reindexed',
  'file.deleted',
  'corpus.reembed_requested',
  'sso.signed_in',
  'sso.refused',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditTargetType = 'user' | 'department' | 'file' | 'corpus' | 'identity';

/** What a use case says about a change it makes. */
export interface AuditRecord {
  /** Who made the change; null when nobody signed in made it (a refused single sign-on). */
  actorId: string | null;
  action: AuditAction;
  target: { type: AuditTargetType; id: string };
  /**
   * The departments the change concerns (where the user, file or department is, was, or went):
   * a department admin reads the entries that name one of their departments.
   */
  departmentIds: readonly string[];
  detail?: Record<string, unknown>;
}

/** One recorded change: written with the change itself, and never changed or deleted after. */
export class AuditEntry {
  constructor(
    readonly id: string,
    readonly at: Date,
    readonly actorId: string | null,
    readonly action: AuditAction,
    readonly targetType: AuditTargetType,
    readonly targetId: string,
    readonly requestId: string | null,
    readonly detail: Record<string, unknown>,
    readonly departmentIds: string[],
  ) {}

  static of(id: string, at: Date, requestId: string | null, record: AuditRecord): AuditEntry {
    return new AuditEntry(id, at, record.actorId, record.action, record.target.type, record.target.id, requestId, record.detail ?? {}, [...new Set(record.departmentIds)]);
  }
}
