import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page } from '@app/kernel';
import { Actor, ApiErrors, CurrentActor, PageOf } from '@app/platform';
import { ListAuditEntries } from '../queries/list-audit-entries/list-audit-entries.query';
import { ListAuditQuery } from './audit.dto';
import { AuditEntryView, toAuditEntryView } from './audit.views';

/** Read only: no route changes or deletes an entry. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ description: 'Changes made by administrators and single sign-ons, newest first. Department admins read the entries about their departments.' })
  @ApiOkResponse({ type: PageOf(AuditEntryView) })
  @ApiErrors(400, 401, [403, 'admin_only'], 429)
  async list(@CurrentActor() actor: Actor, @Query() query: ListAuditQuery): Promise<Page<AuditEntryView>> {
    const { actorId, action, from, to } = query;
    const page = await this.queries.execute(new ListAuditEntries(actor, { actorId, action, from, to }, query.limit, query.cursor));
    return { items: page.items.map(toAuditEntryView), nextCursor: page.nextCursor };
  }
}
