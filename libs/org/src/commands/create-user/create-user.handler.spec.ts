import { Department } from '../../domain/department';
import { EmailTaken, InvalidUserChange } from '../../domain/org-errors';
import { inMemoryOrg } from '../../testing';
import { CreateUser } from './create-user.command';
import { CreateUserHandler } from './create-user.handler';

describe('CreateUserHandler', () => {
  const admin = { userId: 'admin', role: 'admin' as const, departmentId: 'd1' };
  const setUp = async () => {
    const org = inMemoryOrg();
    await org.departments.add(Department.create('d1', 'Engineering', null, new Date()));
    return { ...org, handler: new CreateUserHandler(org.users, org.departments, org.hasher, org.access, org.transactions, org.audit) };
  };

  it('creates the user with a hashed password and a normalised email', async () => {
    const { handler, users } = await setUp();
    const profile = await handler.execute(new CreateUser(admin, ' Ada@Example.org ', 'twelve chars!', 'Ada', 'admin', 'd1'));
    expect(profile).toMatchObject({ email: 'ada@example.org', role: 'admin', department: { id: 'd1', name: 'Engineering' } });
    expect((await users.findByEmail('ada@example.org'))?.passwordHash).not.toBe('twelve chars!');
  });

  it('refuses a password under 12 characters, whoever sends it, and stores nothing', async () => {
    const { handler, users } = await setUp();
    await expect(handler.execute(new CreateUser(admin, 'short@example.org', 'elevenchars', 'Short', 'member', 'd1'))).rejects.toThrow(InvalidUserChange);
    expect(await users.findByEmail('short@example.org')).toBeNull();
  });

  it('refuses an email that is already taken, whatever its case', async () => {
    const { handler } = await setUp();
    await handler.execute(new CreateUser(admin, 'ada@example.org', 'a long enough password', 'Ada', 'member', 'd1'));
    await expect(handler.execute(new CreateUser(admin, 'ADA@example.org', 'another long password', 'Ada 2', 'member', 'd1'))).rejects.toThrow(EmailTaken);
  });
});
