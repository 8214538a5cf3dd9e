import { randomBytes } from 'node:crypto';
import { InMemoryAccessDirectory } from '@app/testing/access';
import { RecordingAuditLog } from '@app/testing/audit';
import type { Cursor } from '@app/kernel';
import { AppConfig, parseConfig } from '@app/platform';
import { InlineTransactions } from '@app/testing/platform';
import type { Department } from '../domain/department';
import { RefreshToken } from '../domain/refresh-token';
import type { User } from '../domain/user';
import { AccessTokenClaims, AccessTokenSigner, ActiveAccounts, DepartmentRepository, PasswordHasher, RefreshTokenRepository, UserRepository } from '../org.ports';
import { standingOf } from '../security/account-standing';
import { SessionIssuer } from '../sessions/session-issuer';

class InMemoryDepartments extends DepartmentRepository {
  readonly rows = new Map<string, Department>();
  async findById(id: string) {
    return this.rows.get(id) ?? null;
  }
  async findByName(name: string, parentId: string | null) {
    return [...this.rows.values()].find((d) => d.name.toLowerCase() === name.toLowerCase() && d.parentId === parentId) ?? null;
  }
  async list() {
    return [...this.rows.values()];
  }
  async add(department: Department) {
    this.rows.set(department.id, department);
  }
  async save(department: Department) {
    this.rows.set(department.id, department);
  }
  async remove(department: Department) {
    this.rows.delete(department.id);
  }
  /** Users and files are counted by the spec that sets them. */
  readonly held = new Map<string, { users: number; files: number }>();
  async holdingsOf(id: string) {
    const departments = [...this.rows.values()].filter((d) => d.parentId === id).length;
    return { users: 0, files: 0, ...this.held.get(id), departments };
  }
  locks = 0;
  async lockTree() {
    this.locks++;
  }
}

export class InMemoryUsers extends UserRepository {
  readonly rows = new Map<string, User>();
  async findById(id: string) {
    return this.rows.get(id) ?? null;
  }
  async findByEmail(email: string) {
    return [...this.rows.values()].find((u) => u.email === email) ?? null;
  }
  async findBySsoIdentity(issuer: string, subject: string) {
    return [...this.rows.values()].find((u) => u.ssoIssuer === issuer && u.ssoSubject === subject) ?? null;
  }
  async list(limit: number, after: Cursor | null, departmentIds?: readonly string[]) {
    const sorted = [...this.rows.values()]
      .filter((u) => !departmentIds || departmentIds.includes(u.departmentId))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    const start = after ? sorted.findIndex((u) => u.id === after.id) + 1 : 0;
    return sorted.slice(start, start + limit);
  }
  async add(user: User) {
    this.rows.set(user.id, user);
  }
  async save(user: User) {
    this.rows.set(user.id, user);
  }
}

export class InMemoryRefreshTokens extends RefreshTokenRepository {
  readonly rows = new Map<string, RefreshToken>();
  async findById(id: string) {
    const token = this.rows.get(id);
    return token ? Object.assign(Object.create(RefreshToken.prototype), token) : null;
  }
  async add(token: RefreshToken) {
    this.rows.set(token.id, token);
  }
  async claimForRotation(id: string, now: Date) {
    const token = this.rows.get(id);
    if (!token || token.rotatedAt || token.revokedAt) return false;
    token.rotatedAt = now;
    return true;
  }
  async revokeFamily(familyId: string, now: Date) {
    for (const token of this.rows.values()) if (token.familyId === familyId) token.revokedAt ??= now;
  }
  async revokeAllOfUser(userId: string, now: Date) {
    for (const token of this.rows.values()) if (token.userId === userId) token.revokedAt ??= now;
  }
  async endedSessionsOf(userId: string, since: Date) {
    const ended = [...this.rows.values()].filter((t) => t.userId === userId && t.revokedAt && t.revokedAt.getTime() >= since.getTime());
    return [...new Set(ended.map((t) => t.familyId))];
  }
}

class UncachedAccounts extends ActiveAccounts {
  readonly changes: string[] = [];
  constructor(
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
  ) {
    super();
  }
  async standingOf(userId: string) {
    const user = await this.users.findById(userId);
    return user ? standingOf(user, await this.refreshTokens.endedSessionsOf(userId, new Date(0))) : null;
  }
  async changed(userId: string) {
    this.changes.push(userId);
  }
}

/** Reversible "hash" so tests stay fast; the real argon2 hasher is exercised by the e2e tests. */
class PlainTextHasher extends PasswordHasher {
  async hash(password: string) {
    return `hashed:${password}`;
  }
  async verify(hash: string, password: string) {
    return hash === `hashed:${password}`;
  }
}

class RecordingSigner extends AccessTokenSigner {
  readonly signed: Array<AccessTokenClaims & { iat: number }> = [];
  async sign(claims: AccessTokenClaims, issuedAt: number) {
    this.signed.push({ ...claims, iat: issuedAt });
    return { token: `token-${this.signed.length}`, expiresIn: 900 };
  }
}

export function inMemoryOrg(settings: Record<string, string> = {}) {
  const config = AppConfig.of(
    parseConfig({ DATABASE_URL: 'postgresql://x@localhost/x', REDIS_URL: 'redis://localhost', CHROMA_URL: 'http://localhost', JWT_SECRET: randomBytes(48).toString('base64url'), ...settings }),
  );
  const departments = new InMemoryDepartments();
  const users = new InMemoryUsers();
  const refreshTokens = new InMemoryRefreshTokens();
  const hasher = new PlainTextHasher();
  const signer = new RecordingSigner();
  const accounts = new UncachedAccounts(users, refreshTokens);
  const sessions = new SessionIssuer(signer, refreshTokens, config);
  const access = new InMemoryAccessDirectory(() => departments.rows.values());
  const transactions = new InlineTransactions();
  const audit = new RecordingAuditLog();
  return { config, departments, users, refreshTokens, hasher, signer, sessions, accounts, access, transactions, audit };
}
