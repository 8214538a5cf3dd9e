import { Department } from '../../domain/department';
import { AccountDisabled, InvalidCredentials, PasswordLoginDisabled } from '../../domain/org-errors';
import { User } from '../../domain/user';
import { inMemoryOrg } from '../../testing';
import { LogIn } from './log-in.command';
import { LogInHandler } from './log-in.handler';

describe('LogInHandler', () => {
  const setUp = async (settings: Record<string, string> = {}) => {
    const org = inMemoryOrg(settings);
    const department = Department.create('d1', 'Engineering', null, new Date());
    await org.departments.add(department);
    const user = User.register({ id: 'u1', email: 'Ada@Example.org', passwordHash: await org.hasher.hash('right password'), displayName: 'Ada', role: 'member', departmentId: 'd1', now: new Date() });
    await org.users.add(user);
    return { ...org, user, handler: new LogInHandler(org.users, org.hasher, org.sessions, org.config) };
  };

  it('issues a session for the right password, whatever the email case', async () => {
    const { handler, signer, refreshTokens } = await setUp();
    const session = await handler.execute(new LogIn(' ADA@example.org ', 'right password'));
    expect(session.userId).toBe('u1');
    const [stored] = refreshTokens.rows.values();
    expect(signer.signed).toEqual([{ sub: 'u1', role: 'member', dept: 'd1', sid: stored.familyId, iat: expect.any(Number) }]);
    expect(session.refreshToken.startsWith(`${stored.id}.`)).toBe(true);
  });

  it('never stores the refresh token itself', async () => {
    const { handler, refreshTokens } = await setUp();
    const session = await handler.execute(new LogIn('ada@example.org', 'right password'));
    const stored = [...refreshTokens.rows.values()][0];
    expect(stored.secretHash).not.toContain(session.refreshToken.split('.')[1]);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const { handler } = await setUp();
    await expect(handler.execute(new LogIn('ada@example.org', 'wrong'))).rejects.toBeInstanceOf(InvalidCredentials);
    await expect(handler.execute(new LogIn('nobody@example.org', 'right password'))).rejects.toBeInstanceOf(InvalidCredentials);
  });

  it('tells a disabled user with the right password that the account is disabled, and anyone else nothing', async () => {
    const { handler, user } = await setUp();
    user.disable(new Date());
    await expect(handler.execute(new LogIn('ada@example.org', 'right password'))).rejects.toBeInstanceOf(AccountDisabled);
    await expect(handler.execute(new LogIn('ada@example.org', 'wrong'))).rejects.toBeInstanceOf(InvalidCredentials);
  });

  describe('with password login turned off', () => {
    const off = { PASSWORD_LOGIN: 'false', PASSWORD_LOGIN_BREAK_GLASS_EMAILS: ' ROOT@example.org ' };

    it('refuses the right password of an ordinary account, and says nothing to a wrong one', async () => {
      const { handler } = await setUp(off);
      await expect(handler.execute(new LogIn('ada@example.org', 'right password'))).rejects.toBeInstanceOf(PasswordLoginDisabled);
      await expect(handler.execute(new LogIn('ada@example.org', 'wrong'))).rejects.toBeInstanceOf(InvalidCredentials);
    });

    it('still signs in a break-glass account', async () => {
      const { handler, users, hasher } = await setUp(off);
      await users.add(User.register({ id: 'root', email: 'root@example.org', passwordHash: await hasher.hash('glass'), displayName: 'Root', role: 'admin', departmentId: 'd1', now: new Date() }));
      expect((await handler.execute(new LogIn('root@example.org', 'glass'))).userId).toBe('root');
    });
  });
});
