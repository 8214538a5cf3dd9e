import { AdminOnly, OutsideManagedDepartments } from '@app/platform';
import { Department } from '../../domain/department';
import { DepartmentCycle, DepartmentNameTaken, DepartmentNotFound } from '../../domain/org-errors';
import { inMemoryOrg } from '../../testing';
import { UpdateDepartment } from './update-department.command';
import { UpdateDepartmentHandler } from './update-department.handler';

//   eng ─┬─ platform ── sre
//        └─ mobile
//   people
describe('UpdateDepartmentHandler', () => {
  const admin = { userId: 'admin', role: 'admin' as const, departmentId: 'eng' };
  const lead = { userId: 'lead', role: 'department_admin' as const, departmentId: 'eng' };
  const setUp = async () => {
    const org = inMemoryOrg();
    for (const [id, parent] of [
      ['eng', null],
      ['platform', 'eng'],
      ['sre', 'platform'],
      ['mobile', 'eng'],
      ['people', null],
    ] as const) {
      await org.departments.add(Department.create(id, id[0].toUpperCase() + id.slice(1), parent, new Date()));
    }
    return { ...org, handler: new UpdateDepartmentHandler(org.departments, org.access, org.transactions, org.audit) };
  };

  it('moves a department, with the tree locked, and records where from and where to', async () => {
    const { handler, departments, audit } = await setUp();
    await handler.execute(new UpdateDepartment(admin, 'sre', { parentId: 'mobile' }));
    expect(departments.rows.get('sre')!.parentId).toBe('mobile');
    expect(departments.locks).toBe(1);
    expect(audit.records).toEqual([expect.objectContaining({ action: 'department.moved', departmentIds: ['sre', 'platform', 'mobile'], detail: { from: 'platform', to: 'mobile' } })]);
  });

  it('refuses to move a department under itself or anything below it', async () => {
    const { handler, departments } = await setUp();
    await expect(handler.execute(new UpdateDepartment(admin, 'eng', { parentId: 'sre' }))).rejects.toBeInstanceOf(DepartmentCycle);
    await expect(handler.execute(new UpdateDepartment(admin, 'eng', { parentId: 'eng' }))).rejects.toBeInstanceOf(DepartmentCycle);
    expect(departments.rows.get('eng')!.parentId).toBeNull();
  });

  it('renames, refusing a sibling’s name in any case', async () => {
    const { handler, audit } = await setUp();
    await expect(handler.execute(new UpdateDepartment(admin, 'mobile', { name: ' PLATFORM ' }))).rejects.toBeInstanceOf(DepartmentNameTaken);
    expect((await handler.execute(new UpdateDepartment(admin, 'mobile', { name: ' Apps ' }))).name).toBe('Apps');
    expect(audit.records.map((r) => [r.action, r.detail])).toEqual([['department.renamed', { from: 'Mobile', to: 'Apps' }]]);
  });

  it('lets a department admin rename and move inside their subtree only', async () => {
    const { handler } = await setUp();
    await handler.execute(new UpdateDepartment(lead, 'sre', { parentId: 'mobile', name: 'Reliability' }));
    await expect(handler.execute(new UpdateDepartment(lead, 'sre', { parentId: 'people' }))).rejects.toBeInstanceOf(OutsideManagedDepartments);
    await expect(handler.execute(new UpdateDepartment(lead, 'sre', { parentId: null }))).rejects.toBeInstanceOf(AdminOnly);
    await expect(handler.execute(new UpdateDepartment(lead, 'people', { name: 'Humans' }))).rejects.toBeInstanceOf(OutsideManagedDepartments);
    await expect(handler.execute(new UpdateDepartment(lead, 'eng', { name: 'Mine now' }))).rejects.toBeInstanceOf(OutsideManagedDepartments);
  });

  it('answers not found for an unknown department or parent', async () => {
    const { handler } = await setUp();
    await expect(handler.execute(new UpdateDepartment(admin, 'nope', { name: 'x' }))).rejects.toBeInstanceOf(DepartmentNotFound);
    await expect(handler.execute(new UpdateDepartment(admin, 'sre', { parentId: 'nope' }))).rejects.toBeInstanceOf(DepartmentNotFound);
  });

  it('refuses a member', async () => {
    const { handler } = await setUp();
    await expect(handler.execute(new UpdateDepartment({ ...lead, role: 'member' }, 'sre', { name: 'x' }))).rejects.toBeInstanceOf(AdminOnly);
  });
});
