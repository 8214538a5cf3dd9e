import { Department } from '../../domain/department';
import { AccountDisabled, SsoEmailUnverified, SsoIdentityConflict, SsoNoDepartment } from '../../domain/org-errors';
import { User } from '../../domain/user';
import { inMemoryOrg } from '../../testing';
import { SignInWithSso } from './sign-in-with-sso.command';
import { SignInWithSsoHandler } from './sign-in-with-sso.handler';

const mapping = JSON.stringify([
  { group: 'eng', department: 'Engineering' },
  { group: 'leads', role: 'department_admin' },
]);

describe('SignInWithSsoHandler', () => {
  const identity = (overrides: Partial<ConstructorParameters<typeof SignInWithSso>[0]> = {}) => ({
    issuer: 'https://idp.example.org',
    subject: 'sub-ada',
    email: 'Ada@Example.org',
    emailVerified: true,
    displayName: 'Ada',
    groups: ['eng'],
    ...overrides,
  });
  const setUp = async () => {
    const org = inMemoryOrg({ OIDC_GROUP_MAPPING: mapping });
    await org.departments.add(Department.create('eng', 'Engineering', null, new Date()));
    const handler = new SignInWithSsoHandler(org.users, org.departments, org.sessions, org.accounts, org.transactions, org.audit, org.config);
    return { ...org, handler };
  };

  it('links an account an admin made with the same verified email, and applies the mapping to it', async () => {
    const { handler, users, audit, accounts } = await setUp();
    await users.add(User.register({ id: 'u1', email: 'ada@example.org', passwordHash: 'h', displayName: 'Ada', role: 'member', departmentId: 'eng', now: new Date() }));
    const session = await handler.execute(new SignInWithSso(identity({ groups: ['eng', 'leads'] })));
    expect(session.userId).toBe('u1');
    expect(users.rows.get('u1')).toMatchObject({ ssoIssuer: 'https://idp.example.org', ssoSubject: 'sub-ada', role: 'department_admin' });
    expect(audit.records[0]).toMatchObject({ action: 'sso.signed_in', detail: { linked: true, changes: { role: { from: 'member', to: 'department_admin' } } } });
    expect(accounts.changes).toEqual(['u1']);
  });

  it('refuses an email that another single sign-on account already holds', async () => {
    const { handler, users, audit } = await setUp();
    const taken = User.register({ id: 'u1', email: 'ada@example.org', passwordHash: 'h', displayName: 'Ada', role: 'member', departmentId: 'eng', now: new Date() });
    taken.linkSsoIdentity('https://idp.example.org', 'someone-else', new Date());
    await users.add(taken);
    await expect(handler.execute(new SignInWithSso(identity()))).rejects.toBeInstanceOf(SsoIdentityConflict);
    expect(audit.records).toEqual([expect.objectContaining({ action: 'sso.refused', actorId: null, detail: expect.objectContaining({ reason: 'sso_identity_conflict' }) })]);
  });

  it('refuses a disabled account, an unverified email and unmapped groups, making no account', async () => {
    const { handler, users } = await setUp();
    await expect(handler.execute(new SignInWithSso(identity({ emailVerified: false })))).rejects.toBeInstanceOf(SsoEmailUnverified);
    await expect(handler.execute(new SignInWithSso(identity({ email: null })))).rejects.toBeInstanceOf(SsoEmailUnverified);
    await expect(handler.execute(new SignInWithSso(identity({ groups: ['leads'] })))).rejects.toBeInstanceOf(SsoNoDepartment);
    expect(users.rows.size).toBe(0);
    const disabled = User.register({ id: 'u2', email: 'ada@example.org', passwordHash: 'h', displayName: 'Ada', role: 'member', departmentId: 'eng', now: new Date() });
    disabled.disable(new Date());
    await users.add(disabled);
    await expect(handler.execute(new SignInWithSso(identity()))).rejects.toBeInstanceOf(AccountDisabled);
  });

  it('makes a new account without a password', async () => {
    const { handler, users } = await setUp();
    const { userId } = await handler.execute(new SignInWithSso(identity({ displayName: null })));
    expect(users.rows.get(userId)).toMatchObject({ email: 'ada@example.org', displayName: 'ada', departmentId: 'eng', role: 'member' });
    expect(users.rows.get(userId)!.hasPassword()).toBe(false);
  });
});
