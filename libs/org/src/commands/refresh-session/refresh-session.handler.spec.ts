import { AccountDisabled, InvalidRefreshToken, RefreshTokenReused } from '../../domain/org-errors';
import { User } from '../../domain/user';
import { inMemoryOrg } from '../../testing';
import { RefreshSession } from './refresh-session.command';
import { RefreshSessionHandler } from './refresh-session.handler';

describe('RefreshSessionHandler', () => {
  const setUp = async (settings: Record<string, string> = {}) => {
    const org = inMemoryOrg(settings);
    const user = User.register({ id: 'u1', email: 'ada@example.org', passwordHash: 'h', displayName: 'Ada', role: 'member', departmentId: 'd1', now: new Date() });
    await org.users.add(user);
    const first = await org.sessions.issue(user, new Date());
    return { ...org, user, first, handler: new RefreshSessionHandler(org.refreshTokens, org.users, org.sessions, org.config) };
  };
  const rowOf = (refreshTokens: ReturnType<typeof inMemoryOrg>['refreshTokens'], token: string) => refreshTokens.rows.get(token.split('.')[0])!;

  it('rotates: the new token works, in the same family', async () => {
    const { handler, first, refreshTokens } = await setUp();
    const second = await handler.execute(new RefreshSession(first.refreshToken));
    const third = await handler.execute(new RefreshSession(second.refreshToken));
    expect(new Set([first, second, third].map((s) => s.refreshToken)).size).toBe(3);
    expect(new Set([...refreshTokens.rows.values()].map((t) => t.familyId)).size).toBe(1);
  });

  it('lets two refreshes of one token at the same moment both succeed, each with a token of its own', async () => {
    const { handler, first, refreshTokens } = await setUp();
    const [a, b] = await Promise.all([handler.execute(new RefreshSession(first.refreshToken)), handler.execute(new RefreshSession(first.refreshToken))]);
    expect(a.refreshToken).not.toBe(b.refreshToken);
    expect([...refreshTokens.rows.values()].every((t) => t.revokedAt === null)).toBe(true);
    // Both go on working: neither tab is signed out later.
    await handler.execute(new RefreshSession(a.refreshToken));
    await handler.execute(new RefreshSession(b.refreshToken));
  });

  it('revokes the whole family when a rotated token comes back after the grace', async () => {
    const { handler, first, refreshTokens } = await setUp();
    const second = await handler.execute(new RefreshSession(first.refreshToken));
    rowOf(refreshTokens, first.refreshToken).rotatedAt = new Date(Date.now() - 10_001);
    await expect(handler.execute(new RefreshSession(first.refreshToken))).rejects.toBeInstanceOf(RefreshTokenReused);
    await expect(handler.execute(new RefreshSession(second.refreshToken))).rejects.toBeInstanceOf(InvalidRefreshToken);
  });

  it('treats any reuse as theft when the grace is 0', async () => {
    const { handler, first } = await setUp({ REFRESH_REUSE_GRACE_SECONDS: '0' });
    await handler.execute(new RefreshSession(first.refreshToken));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(handler.execute(new RefreshSession(first.refreshToken))).rejects.toBeInstanceOf(RefreshTokenReused);
  });

  it('never lets a token through once its family is revoked, grace or not', async () => {
    const { handler, first, refreshTokens } = await setUp();
    await handler.execute(new RefreshSession(first.refreshToken));
    await refreshTokens.revokeFamily(rowOf(refreshTokens, first.refreshToken).familyId, new Date());
    await expect(handler.execute(new RefreshSession(first.refreshToken))).rejects.toBeInstanceOf(InvalidRefreshToken);
  });

  it('refuses a token with the wrong secret or shape', async () => {
    const { handler, first } = await setUp();
    const [id] = first.refreshToken.split('.');
    await expect(handler.execute(new RefreshSession(`${id}.${'A'.repeat(43)}`))).rejects.toBeInstanceOf(InvalidRefreshToken);
    await expect(handler.execute(new RefreshSession('garbage'))).rejects.toBeInstanceOf(InvalidRefreshToken);
  });

  it('refuses an expired token', async () => {
    const { handler, first, refreshTokens } = await setUp();
    const stored = [...refreshTokens.rows.values()][0];
    Object.assign(stored, { expiresAt: new Date(Date.now() - 1000) });
    await expect(handler.execute(new RefreshSession(first.refreshToken))).rejects.toBeInstanceOf(InvalidRefreshToken);
  });

  it('says the account is disabled, and revokes the session', async () => {
    const { handler, first, user, refreshTokens } = await setUp();
    user.disable(new Date());
    await expect(handler.execute(new RefreshSession(first.refreshToken))).rejects.toBeInstanceOf(AccountDisabled);
    expect([...refreshTokens.rows.values()].every((t) => t.revokedAt)).toBe(true);
  });

  it('says nothing about the account to a token with the wrong secret', async () => {
    const { handler, first, user } = await setUp();
    user.disable(new Date());
    const [id] = first.refreshToken.split('.');
    await expect(handler.execute(new RefreshSession(`${id}.${'A'.repeat(43)}`))).rejects.toBeInstanceOf(InvalidRefreshToken);
  });
});
