import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { AccessModule } from '@app/access';
import { AuditEntries, AuditLog } from './audit.ports';
import { AuditController } from './http/audit.controller';
import { AuditEntrySchema } from './persistence/audit-entry.schema';
import { MikroOrmAuditEntries, MikroOrmAuditLog } from './persistence/mikro-orm-audit-log';
import { ListAuditEntriesHandler } from './queries/list-audit-entries/list-audit-entries.handler';

/** The audit log: what administrators changed, written with each change, read at GET /admin/audit. */
@Module({
  imports: [MikroOrmModule.forFeature([AuditEntrySchema]), AccessModule],
  controllers: [AuditController],
  providers: [{ provide: AuditLog, useClass: MikroOrmAuditLog }, { provide: AuditEntries, useClass: MikroOrmAuditEntries }, ListAuditEntriesHandler],
  exports: [AuditLog],
})
export class AuditModule {}
