import { InvalidUserChange } from './org-errors';

export type UserRole = 'admin' | 'department_admin' | 'member';

/** The password hash of an account made by single sign-on: no password ever matches it. */
export const NO_PASSWORD = '!';

/** Whole seconds, rounded up: access tokens carry their issue time (`iat`) in whole seconds. */
const nextWholeSecond = (at: Date) => new Date(Math.ceil(at.getTime() / 1000) * 1000);

export class User {
  /**
   * Access tokens issued before this instant are refused: set when the user signs out
   * everywhere, their password changes or they are disabled. A whole second, so that it can be
   * compared with a token's `iat`; tokens issued within that second carry it as their `iat`
   * (see SessionIssuer), so one issued right after the change still works.
   */
  tokensValidFrom: Date | null = null;

  /** The single sign-on identity the user signs in with: the provider's issuer and its subject for them. */
  ssoIssuer: string | null = null;
  ssoSubject: string | null = null;

  constructor(
    readonly id: string,
    public email: string,
    public passwordHash: string,
    public displayName: string,
    public role: UserRole,
    public departmentId: string,
    public disabledAt: Date | null,
    readonly createdAt: Date,
    public updatedAt: Date,
  ) {}

  static register(input: { id: string; email: string; passwordHash: string; displayName: string; role: UserRole; departmentId: string; now: Date }): User {
    const user = new User(input.id, normaliseEmail(input.email), input.passwordHash, '', input.role, input.departmentId, null, input.now, input.now);
    user.rename(input.displayName, input.now);
    return user;
  }

  hasPassword(): boolean {
    return this.passwordHash !== NO_PASSWORD;
  }

  changeEmail(email: string, now: Date) {
    this.email = normaliseEmail(email);
    this.updatedAt = now;
  }

  isActive(): boolean {
    return this.disabledAt === null;
  }

  rename(displayName: string, now: Date) {
    const trimmed = displayName.trim();
    if (trimmed.length < 1 || trimmed.length > 100) throw new InvalidUserChange('displayName', 'must be 1 to 100 characters');
    this.displayName = trimmed;
    this.updatedAt = now;
  }

  changeRole(role: UserRole, now: Date) {
    this.role = role;
    this.updatedAt = now;
  }

  moveTo(departmentId: string, now: Date) {
    this.departmentId = departmentId;
    this.updatedAt = now;
  }

  changePasswordHash(passwordHash: string, now: Date) {
    this.passwordHash = passwordHash;
    this.endSessions(now);
  }

  /** Disabling ends every session: re-enabling never brings back a token issued before. */
  disable(now: Date) {
    this.disabledAt ??= now;
    this.endSessions(now);
  }

  /** Every access token issued until now stops working. */
  endSessions(now: Date) {
    this.tokensValidFrom = nextWholeSecond(now);
    this.updatedAt = now;
  }

  /** The earliest `iat` (epoch seconds) an access token may carry; 0 when any may. */
  earliestTokenIssue(): number {
    return this.tokensValidFrom ? this.tokensValidFrom.getTime() / 1000 : 0;
  }

  linkSsoIdentity(issuer: string, subject: string, now: Date) {
    this.ssoIssuer = issuer;
    this.ssoSubject = subject;
    this.updatedAt = now;
  }

  enable(now: Date) {
    this.disabledAt = null;
    this.updatedAt = now;
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
