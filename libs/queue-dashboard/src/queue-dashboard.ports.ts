/** What the queue dashboard's browser access is made of: single-use tickets that open sessions. */
export abstract class DashboardAccess {
  /** A ticket that opens one session for this user, once, within `ttlSeconds`. */
  abstract issueTicket(userId: string, ttlSeconds: number): Promise<string>;
  /** Spends the ticket (never again) and opens a session for its user; null when unknown, spent or expired. */
  abstract redeemTicket(ticket: string, sessionTtlSeconds: number): Promise<{ session: string; userId: string } | null>;
  /** Whose session this is; null when unknown or expired. */
  abstract holderOf(session: string): Promise<string | null>;
  abstract close(session: string): Promise<void>;
}
