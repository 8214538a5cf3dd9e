import { DomainError } from '@app/kernel';

export class DashboardTicketInvalid extends DomainError {
  readonly kind = 'unauthorized';
  constructor() {
    super('invalid_dashboard_ticket', 'This dashboard ticket is unknown, already used or expired; open the dashboard again from the web app');
  }
}

export class DashboardSessionRequired extends DomainError {
  readonly kind = 'unauthorized';
  constructor() {
    super('dashboard_session_required', 'Open the queue dashboard through POST /api/v1/admin/queues/session');
  }
}
