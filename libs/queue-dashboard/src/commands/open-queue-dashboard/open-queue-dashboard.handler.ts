import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AdminOnly } from '@app/platform';
import { TICKET_TTL_SECONDS } from '../../domain/dashboard-lifetimes';
import { DashboardAccess } from '../../queue-dashboard.ports';
import { OpenQueueDashboard } from './open-queue-dashboard.command';

@CommandHandler(OpenQueueDashboard)
export class OpenQueueDashboardHandler implements ICommandHandler<OpenQueueDashboard> {
  constructor(private readonly access: DashboardAccess) {}

  async execute({ actor }: OpenQueueDashboard) {
    // The route is admin-only already; the use case does not rely on being reached only that way.
    if (actor.role !== 'admin') throw new AdminOnly();
    return { ticket: await this.access.issueTicket(actor.userId, TICKET_TTL_SECONDS), expiresInSeconds: TICKET_TTL_SECONDS };
  }
}
