import { Department } from '../../domain/department';
import { DepartmentNotFound, InvalidUserChange, UserNotFound } from '../../domain/org-errors';
import { User } from '../../domain/user';
import { inMemoryOrg } from '../../testing/in-memory-org';
import { UpdateUser } from './update-user.command';
import { UpdateUserHandler } from './update-user.handler';

describe('UpdateUserHandler', () => {
  const admin = { userId: 'admin', role: 'admin' as const, departmentId: 'd1' };
  const setUp = async () => {
    const org = inMemoryOrg();
    await org.departments.add(Department.create('d1', 'Engineering', null, new Date()));
    await org.departments.add(Department.create('d2', 'People', null, new Date()));
    const user = User.register({ id: 'u1', email: 'ada@example.org', passwordHash: 'old', displayName: 'Ada', role: 'member', departmentId: 'd1', now: new Date() });
    await org.users.add(user);
    await org.users.add(User.register({ id: 'admin', email: 'root@example.org', passwordHash: 'x', displayName: 'Root', role: 'admin', departmentId: 'd1', now: new Date() }));
    await org.sessions.issue(user, new Date());
    return { ...org, user, handler: new UpdateUserHandler(org.users, org.departments, org.refreshTokens, org.hasher, org.accounts) };
  };

  it('moves a user to another department and renames them', async () => {
    const { handler } = await setUp();
    const profile = await handler.execute(new UpdateUser(admin, 'u1', { departmentId: 'd2', displayName: '  Ada L. ' }));
    expect(profile.department).toEqual({ id: 'd2', name: 'People' });
    expect(profile.displayName).toBe('Ada L.');
  });

  it('revokes every session when the password changes or the user is disabled', async () => {
    const { handler, refreshTokens, user, accounts } = await setUp();
    await handler.execute(new UpdateUser(admin, 'u1', { password: 'a brand new password' }));
    expect([...refreshTokens.rows.values()].every((t) => t.revokedAt)).toBe(true);
    expect(accounts.changes).toEqual(['u1']);
    expect(user.passwordHash).toBe('hashed:a brand new password');
  });

  it('refuses an unknown user or department', async () => {
    const { handler } = await setUp();
    await expect(handler.execute(new UpdateUser(admin, 'nope', { displayName: 'x' }))).rejects.toBeInstanceOf(UserNotFound);
    await expect(handler.execute(new UpdateUser(admin, 'u1', { departmentId: 'nope' }))).rejects.toBeInstanceOf(DepartmentNotFound);
  });

  it('keeps an admin from demoting or disabling themselves', async () => {
    const { handler } = await setUp();
    await expect(handler.execute(new UpdateUser(admin, 'admin', { role: 'member' }))).rejects.toBeInstanceOf(InvalidUserChange);
    await expect(handler.execute(new UpdateUser(admin, 'admin', { disabled: true }))).rejects.toBeInstanceOf(InvalidUserChange);
  });

  it('refuses an empty display name', async () => {
    const { handler } = await setUp();
    await expect(handler.execute(new UpdateUser(admin, 'u1', { displayName: '   ' }))).rejects.toBeInstanceOf(InvalidUserChange);
  });
});
