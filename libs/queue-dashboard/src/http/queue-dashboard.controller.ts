import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Actor, AdminOnlyRoute, ApiErrors, apiPrefix, CurrentActor } from '@app/platform';
import { OpenQueueDashboard } from '../commands/open-queue-dashboard/open-queue-dashboard.command';
import { DASHBOARD_ROUTE } from './dashboard-gate.middleware';

class DashboardTicketResponse {
  @ApiProperty({ description: 'Single-use; spent by the first request that presents it' })
  ticket!: string;

  @ApiProperty({ example: `/${apiPrefix}/${DASHBOARD_ROUTE}?ticket=…`, description: 'Open this in a browser tab (same origin as the API)' })
  url!: string;

  @ApiProperty({ example: 60 })
  expiresInSeconds!: number;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller(DASHBOARD_ROUTE)
export class QueueDashboardController {
  constructor(private readonly commands: CommandBus) {}

  @Post('session')
  @HttpCode(201)
  @AdminOnlyRoute()
  @ApiOperation({
    summary: 'A single-use ticket that opens the queue dashboard in a browser tab',
    description:
      'A browser tab cannot send the bearer token, so the web app asks for a ticket and opens `url`. The dashboard spends the ticket, ' +
      'sets an HttpOnly, SameSite=Strict session cookie scoped to its own path and redirects to itself. Every dashboard request ' +
      '(pages, its API, its assets) needs that cookie and an account that is still an active admin.',
  })
  @ApiCreatedResponse({ type: DashboardTicketResponse })
  @ApiErrors(401, [403, 'admin_only'])
  async openSession(@CurrentActor() actor: Actor): Promise<DashboardTicketResponse> {
    const { ticket, expiresInSeconds } = await this.commands.execute(new OpenQueueDashboard(actor));
    return { ticket, url: `/${apiPrefix}/${DASHBOARD_ROUTE}?ticket=${encodeURIComponent(ticket)}`, expiresInSeconds };
  }
}
