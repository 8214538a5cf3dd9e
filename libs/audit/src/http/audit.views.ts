import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry, type AuditTargetType } from '../domain/audit-entry';

const targetTypes: AuditTargetType[] = ['user', 'department', 'file', 'corpus', 'identity'];

export class AuditEntryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who made the change; null for a refused single sign-on' })
  actorId!: string | null;

  @ApiProperty({ enum: AUDIT_ACTIONS })
  action!: AuditAction;

  @ApiProperty({ enum: targetTypes })
  targetType!: AuditTargetType;

  @ApiProperty({ description: 'The id of the user, department or file; for a refused sign-on, the provider’s subject' })
  targetId!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: Date;

  @ApiProperty({ type: String, nullable: true, description: 'The `x-request-id` of the request that made the change' })
  requestId!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What changed, e.g. `{"changes": {"role": {"from": "member", "to": "department_admin"}}}`' })
  detail!: Record<string, unknown>;
}

export const toAuditEntryView = (entry: AuditEntry): AuditEntryView => ({
  id: entry.id,
  actorId: entry.actorId,
  action: entry.action,
  targetType: entry.targetType,
  targetId: entry.targetId,
  at: entry.at,
  requestId: entry.requestId,
  detail: entry.detail,
});
