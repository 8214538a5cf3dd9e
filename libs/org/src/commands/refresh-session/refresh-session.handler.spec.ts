import { InvalidRefreshToken, RefreshTokenReused } from '../../domain/org-errors';
import { User } from '../../domain/user';
import { inMemoryOrg } from '../../testing/in-memory-org';
import { RefreshSession } from './refresh-session.command';
import { RefreshSessionHandler } from './refresh-session.handler';

describe('RefreshSessionHandler', () => {
  const setUp = async () => {
    const org = inMemoryOrg();
    const user = User.register({ id: 'u1', email: 'ada@example.org', passwordHash: 'h', displayName: 'Ada', role: 'member', departmentId: 'd1', now: new Date() });
    await org.users.add(user);
    const first = await org.sessions.issue(user, new Date());
    return { ...org, user, first, handler: new RefreshSessionHandler(org.refreshTokens, org.users, org.sessions) };
  };

  it('rotates: the new token works, in the same family', async () => {
    const { handler, first, refreshTokens } = await setUp();
    const second = await handler.execute(new RefreshSession(first.refreshToken));
    const third = await handler.execute(new RefreshSession(second.refreshToken));
    expect(new Set([first, second, third].map((s) => s.refreshToken)).size).toBe(3);
    expect(new Set([...refreshTokens.rows.values()].map((t) => t.familyId)).size).toBe(1);
  });

  it('revokes the whole family when a rotated token comes back', async () => {
    const { handler, first } = await setUp();
    const second = await handler.execute(new RefreshSession(first.refreshToken));
    await expect(handler.execute(new RefreshSession(first.refreshToken))).rejects.toBeInstanceOf(RefreshTokenReused);
    await expect(handler.execute(new RefreshSession(second.refreshToken))).rejects.toBeInstanceOf(InvalidRefreshToken);
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

  it('refuses and revokes when the user was disabled', async () => {
    const { handler, first, user, refreshTokens } = await setUp();
    user.disable(new Date());
    await expect(handler.execute(new RefreshSession(first.refreshToken))).rejects.toBeInstanceOf(InvalidRefreshToken);
    expect([...refreshTokens.rows.values()].every((t) => t.revokedAt)).toBe(true);
  });
});
