import { Department } from '../../domain/department';
import { AdminOnly, OutsideManagedDepartments } from '@app/platform';
import { DepartmentNotFound, InvalidUserChange, UserNotFound } from '../../domain/org-errors';
import { User } from '../../domain/user';
import { inMemoryOrg } from '../../testing';
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
    return { ...org, user, handler: new UpdateUserHandler(org.users, org.departments, org.refreshTokens, org.hasher, org.accounts, org.access, org.transactions, org.audit) };
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

  it('records who changed what, from and to, without the password itself', async () => {
    const { handler, audit } = await setUp();
    await handler.execute(new UpdateUser(admin, 'u1', { departmentId: 'd2', password: 'a brand new password' }));
    expect(audit.records).toEqual([
      {
        actorId: 'admin',
        action: 'user.updated',
        target: { type: 'user', id: 'u1' },
        departmentIds: ['d1', 'd2'],
        detail: { changes: { departmentId: { from: 'd1', to: 'd2' }, password: 'changed' } },
      },
    ]);
    expect(JSON.stringify(audit.records)).not.toContain('a brand new password');
  });

  describe('by a department admin', () => {
    // d1 Engineering ─ d1a Platform; d2 People. The lead administers Engineering's subtree.
    const lead = { userId: 'lead', role: 'department_admin' as const, departmentId: 'd1' };
    const setUpSubtree = async () => {
      const org = await setUp();
      await org.departments.add(Department.create('d1a', 'Platform', 'd1', new Date()));
      await org.users.add(User.register({ id: 'lead', email: 'lead@example.org', passwordHash: 'x', displayName: 'Lead', role: 'department_admin', departmentId: 'd1', now: new Date() }));
      await org.users.add(User.register({ id: 'u2', email: 'bob@example.org', passwordHash: 'x', displayName: 'Bob', role: 'member', departmentId: 'd2', now: new Date() }));
      return org;
    };

    it('moves a member within the subtree and makes them a department admin', async () => {
      const { handler } = await setUpSubtree();
      const profile = await handler.execute(new UpdateUser(lead, 'u1', { departmentId: 'd1a', role: 'department_admin' }));
      expect(profile).toMatchObject({ role: 'department_admin', department: { id: 'd1a', name: 'Platform' } });
    });

    it('does not find a user outside the subtree', async () => {
      const { handler } = await setUpSubtree();
      await expect(handler.execute(new UpdateUser(lead, 'u2', { displayName: 'Robert' }))).rejects.toBeInstanceOf(UserNotFound);
    });

    it('never grants admin, never changes an admin, and never moves anyone out of the subtree', async () => {
      const { handler, user } = await setUpSubtree();
      await expect(handler.execute(new UpdateUser(lead, 'u1', { role: 'admin' }))).rejects.toBeInstanceOf(AdminOnly);
      await expect(handler.execute(new UpdateUser(lead, 'admin', { displayName: 'Demoted' }))).rejects.toBeInstanceOf(AdminOnly);
      await expect(handler.execute(new UpdateUser(lead, 'u1', { departmentId: 'd2' }))).rejects.toBeInstanceOf(OutsideManagedDepartments);
      expect(user).toMatchObject({ role: 'member', departmentId: 'd1' });
    });

    it('keeps a department admin from demoting themselves', async () => {
      const { handler } = await setUpSubtree();
      await expect(handler.execute(new UpdateUser(lead, 'lead', { role: 'member' }))).rejects.toBeInstanceOf(InvalidUserChange);
    });
  });

  it('refuses a member whatever the target', async () => {
    const { handler } = await setUp();
    const member = { userId: 'u1', role: 'member' as const, departmentId: 'd1' };
    await expect(handler.execute(new UpdateUser(member, 'admin', { displayName: 'x' }))).rejects.toBeInstanceOf(AdminOnly);
    await expect(handler.execute(new UpdateUser(member, 'nobody', { displayName: 'x' }))).rejects.toBeInstanceOf(AdminOnly);
  });
});
