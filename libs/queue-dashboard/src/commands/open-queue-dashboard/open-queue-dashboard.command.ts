import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';

export interface DashboardTicket {
  ticket: string;
  expiresInSeconds: number;
}

/** An admin asks for a ticket that opens the queue dashboard in a browser tab. */
export class OpenQueueDashboard extends Command<DashboardTicket> {
  constructor(readonly actor: Actor) {
    super();
  }
}
