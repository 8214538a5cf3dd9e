import { type Actor, Unauthenticated } from '@app/platform';
import { AccountDisabled, SessionEnded } from '../domain/org-errors';
import type { User } from '../domain/user';
import type { AccountStanding } from '../org.ports';

export function standingOf(user: User, endedSessions: Iterable<string>): AccountStanding {
  return {
    actor: { userId: user.id, role: user.role, departmentId: user.departmentId },
    disabled: !user.isActive(),
    earliestTokenIssue: user.earliestTokenIssue(),
    endedSessions: new Set(endedSessions),
  };
}

/** The claims of a verified access token that decide whether it still acts for its account. */
export interface PresentedToken {
  iat: number;
  /** Absent from tokens issued before sessions were named; those stop at `earliestTokenIssue`. */
  sid?: string;
}

/** Who a verified access token acts as, or why it no longer may. */
export function admitAccessToken(standing: AccountStanding | null, token: PresentedToken): Actor {
  if (!standing) throw new Unauthenticated('This account no longer exists');
  if (standing.disabled) throw new AccountDisabled();
  // Written so that a token without a numeric `iat` is refused too.
  if (!(token.iat >= standing.earliestTokenIssue)) throw new SessionEnded();
  if (token.sid !== undefined && standing.endedSessions.has(token.sid)) throw new SessionEnded();
  return standing.actor;
}
