import type { Cursor } from '@app/kernel';
import type { Actor } from '@app/platform';
import type { Department } from './domain/department';
import type { DepartmentHoldings } from './domain/org-errors';
import type { RefreshToken } from './domain/refresh-token';
import type { User } from './domain/user';

export abstract class DepartmentRepository {
  abstract findById(id: string): Promise<Department | null>;
  abstract findByName(name: string, parentId: string | null): Promise<Department | null>;
  abstract list(): Promise<Department[]>;
  abstract add(department: Department): Promise<void>;
  abstract save(department: Department): Promise<void>;
  abstract remove(department: Department): Promise<void>;
  /** What still belongs to the department: its users, files (those still being purged too) and sub-departments. */
  abstract holdingsOf(id: string): Promise<DepartmentHoldings>;
  /**
   * Serialises changes to the tree until the surrounding transaction ends, so that two moves at
   * once can never make a cycle that neither would make alone. Call inside `Transactions.run`.
   */
  abstract lockTree(): Promise<void>;
}

export abstract class UserRepository {
  abstract findById(id: string): Promise<User | null>;
  abstract findByEmail(email: string): Promise<User | null>;
  abstract findBySsoIdentity(issuer: string, subject: string): Promise<User | null>;
  /** Oldest first, after the cursor; only users of these departments when given. */
  abstract list(limit: number, after: Cursor | null, departmentIds?: readonly string[]): Promise<User[]>;
  abstract add(user: User): Promise<void>;
  abstract save(user: User): Promise<void>;
}

/** What the access-token check needs to know of an account, as of now. */
export interface AccountStanding {
  actor: Actor;
  disabled: boolean;
  /** Epoch seconds: an access token whose `iat` is earlier is refused. */
  earliestTokenIssue: number;
  /** Sessions (refresh-token families) ended recently enough that their access tokens may be unexpired. */
  endedSessions: ReadonlySet<string>;
}

export abstract class ActiveAccounts {
  /** How the account stands right now; null when there is no such account. */
  abstract standingOf(userId: string): Promise<AccountStanding | null>;
  /** Called after an account or its sessions change, so that no API process goes on acting on what it was. */
  abstract changed(userId: string): Promise<void>;
}

export abstract class RefreshTokenRepository {
  abstract findById(id: string): Promise<RefreshToken | null>;
  abstract add(token: RefreshToken): Promise<void>;
  /** Marks the token rotated unless it already was; false means another request got there first. */
  abstract claimForRotation(id: string, now: Date): Promise<boolean>;
  abstract revokeFamily(familyId: string, now: Date): Promise<void>;
  abstract revokeAllOfUser(userId: string, now: Date): Promise<void>;
  /** Families of the user revoked at or after `since`. */
  abstract endedSessionsOf(userId: string, since: Date): Promise<string[]>;
}

export abstract class PasswordHasher {
  abstract hash(password: string): Promise<string>;
  abstract verify(hash: string, password: string): Promise<boolean>;
}

export interface AccessTokenClaims {
  sub: string;
  role: string;
  dept: string;
  /** The session: the refresh-token family the token was issued with. */
  sid: string;
}

export abstract class AccessTokenSigner {
  /** `issuedAt` (epoch seconds) becomes the token's `iat`, and its expiry counts from there. */
  abstract sign(claims: AccessTokenClaims, issuedAt: number): Promise<{ token: string; expiresIn: number }>;
}

/** Who the OpenID provider says signed in, once its answer has been verified. */
export interface SsoIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  displayName: string | null;
  groups: string[];
}

/** What one browser's sign-in must present again at the callback (state, nonce, PKCE verifier). */
export interface SsoFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The OpenID Connect relying party: the authorization-code flow with PKCE, state and nonce. */
export abstract class OpenIdProvider {
  abstract readonly displayName: string;
  /** Where to send the browser, and what to keep until it comes back. */
  abstract begin(): Promise<{ authorizationUrl: string; flow: SsoFlow }>;
  /** Verifies the callback (state, code, ID token: signature, issuer, audience, nonce, expiry) and reads the identity. */
  abstract complete(callbackQuery: URLSearchParams, flow: SsoFlow): Promise<SsoIdentity>;
}

/** Flows between the redirect to the provider and its callback, each usable once, in any API process. */
export abstract class SsoFlows {
  /** Keeps the flow; returns the id the browser carries to the callback. */
  abstract keep(flow: SsoFlow, ttlSeconds: number): Promise<string>;
  /** The flow of the id, removed as it is read; null when unknown, used or expired. */
  abstract take(id: string): Promise<SsoFlow | null>;
}
