import { User } from '../../domain/user';
import { inMemoryOrg } from '../../testing';
import { LogOut } from './log-out.command';
import { LogOutHandler } from './log-out.handler';

describe('LogOutHandler', () => {
  const ada = { userId: 'u1', role: 'member' as const, departmentId: 'd1' };
  const setUp = async () => {
    const org = inMemoryOrg();
    const user = User.register({ id: 'u1', email: 'ada@example.org', passwordHash: 'h', displayName: 'Ada', role: 'member', departmentId: 'd1', now: new Date() });
    const other = User.register({ id: 'u2', email: 'bob@example.org', passwordHash: 'h', displayName: 'Bob', role: 'member', departmentId: 'd1', now: new Date() });
    await org.users.add(user);
    await org.users.add(other);
    const [laptop, phone, bobs] = [await org.sessions.issue(user, new Date()), await org.sessions.issue(user, new Date()), await org.sessions.issue(other, new Date())];
    const familyOf = (session: { refreshToken: string }) => org.refreshTokens.rows.get(session.refreshToken.split('.')[0])!.familyId;
    return { ...org, user, laptop, phone, bobs, familyOf, handler: new LogOutHandler(org.refreshTokens, org.users, org.accounts) };
  };

  it('ends one session: its tokens stop, the others go on, and every process is told', async () => {
    const { handler, laptop, phone, familyOf, accounts, user } = await setUp();
    await handler.execute(new LogOut(ada, laptop.refreshToken));
    const standing = await accounts.standingOf('u1');
    expect([...standing!.endedSessions]).toEqual([familyOf(laptop)]);
    expect(standing!.endedSessions.has(familyOf(phone))).toBe(false);
    expect(user.tokensValidFrom).toBeNull();
    expect(accounts.changes).toEqual(['u1']);
  });

  it('ends every session of the caller when asked to, or when given no token', async () => {
    for (const command of [new LogOut(ada, undefined), (token: string) => new LogOut(ada, token, true)]) {
      const { handler, laptop, phone, bobs, familyOf, accounts, user } = await setUp();
      const before = Date.now();
      await handler.execute(typeof command === 'function' ? command(laptop.refreshToken) : command);
      expect([...(await accounts.standingOf('u1'))!.endedSessions].sort()).toEqual([familyOf(laptop), familyOf(phone)].sort());
      expect((await accounts.standingOf('u2'))!.endedSessions.has(familyOf(bobs))).toBe(false);
      expect(user.tokensValidFrom!.getTime()).toBeGreaterThanOrEqual(before);
    }
  });

  it('ends nobody’s session for another user’s token', async () => {
    const { handler, bobs, accounts } = await setUp();
    await handler.execute(new LogOut(ada, bobs.refreshToken));
    expect((await accounts.standingOf('u2'))!.endedSessions.size).toBe(0);
    expect(accounts.changes).toEqual([]);
  });
});
