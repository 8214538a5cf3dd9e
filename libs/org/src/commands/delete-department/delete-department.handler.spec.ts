import { AdminOnly } from '@app/platform';
import { Department } from '../../domain/department';
import { DepartmentNotEmpty } from '../../domain/org-errors';
import { inMemoryOrg } from '../../testing';
import { DeleteDepartment } from './delete-department.command';
import { DeleteDepartmentHandler } from './delete-department.handler';

describe('DeleteDepartmentHandler', () => {
  const admin = { userId: 'admin', role: 'admin' as const, departmentId: 'eng' };
  const setUp = async () => {
    const org = inMemoryOrg();
    await org.departments.add(Department.create('eng', 'Engineering', null, new Date()));
    await org.departments.add(Department.create('platform', 'Platform', 'eng', new Date()));
    return { ...org, handler: new DeleteDepartmentHandler(org.departments, org.transactions, org.audit) };
  };

  it('deletes an empty department and records it', async () => {
    const { handler, departments, audit } = await setUp();
    await handler.execute(new DeleteDepartment(admin, 'platform'));
    expect(departments.rows.has('platform')).toBe(false);
    expect(audit.records).toEqual([expect.objectContaining({ action: 'department.deleted', target: { type: 'department', id: 'platform' }, departmentIds: ['platform', 'eng'] })]);
  });

  it('names what is left in a department that is not empty', async () => {
    const { handler, departments, audit } = await setUp();
    departments.held.set('eng', { users: 1, files: 3 });
    const refusal = await handler.execute(new DeleteDepartment(admin, 'eng')).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DepartmentNotEmpty);
    expect((refusal as DepartmentNotEmpty).message).toBe('The department still holds 1 user, 3 files, 1 sub-department; move or delete them first');
    expect((refusal as DepartmentNotEmpty).details).toEqual([
      { field: 'users', problem: '1 user' },
      { field: 'files', problem: '3 files' },
      { field: 'departments', problem: '1 sub-department' },
    ]);
    expect(departments.rows.has('eng')).toBe(true);
    expect(audit.records).toEqual([]);
  });

  it('is for organisation admins only', async () => {
    const { handler } = await setUp();
    await expect(handler.execute(new DeleteDepartment({ ...admin, role: 'department_admin' }, 'platform'))).rejects.toBeInstanceOf(AdminOnly);
  });
});
