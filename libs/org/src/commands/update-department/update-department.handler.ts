import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessDirectory } from '@app/access';
import { AuditLog, type AuditRecord } from '@app/audit';
import { DepartmentTree } from '@app/kernel';
import { AdminOnly, assertAdministers, assertOrganizationAdmin, OutsideManagedDepartments, Transactions } from '@app/platform';
import { Department } from '../../domain/department';
import { DepartmentCycle, DepartmentNameTaken, DepartmentNotFound } from '../../domain/org-errors';
import { DepartmentRepository } from '../../org.ports';
import { UpdateDepartment } from './update-department.command';

/**
 * Renames or moves a department. A department admin does so only strictly inside their subtree,
 * and only to a parent there: the top of their subtree is placed by an organisation admin. The
 * tree is locked and read inside the transaction, so no two moves at once can make a cycle.
 */
@CommandHandler(UpdateDepartment)
export class UpdateDepartmentHandler implements ICommandHandler<UpdateDepartment> {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly access: AccessDirectory,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, departmentId, changes }: UpdateDepartment) {
    const scope = await this.access.managementScopeOf(actor);
    if (scope.reach === 'none') throw new AdminOnly();
    return this.transactions.run(async () => {
      await this.departments.lockTree();
      const department = await this.departments.findById(departmentId);
      if (!department) throw new DepartmentNotFound(departmentId);
      assertAdministers(scope, department.id, 'That department');
      if (!scope.coversBelowRoot(department.id)) throw new OutsideManagedDepartments('The department at the top of your subtree');
      const from = { name: department.name, parentId: department.parentId };
      const to = { name: department.name, parentId: changes.parentId === undefined ? department.parentId : changes.parentId };
      if (to.parentId !== from.parentId) {
        if (to.parentId === null) assertOrganizationAdmin(actor);
        else {
          if (!(await this.departments.findById(to.parentId))) throw new DepartmentNotFound(to.parentId);
          assertAdministers(scope, to.parentId, 'That department');
          if (new DepartmentTree(await this.departments.list()).isWithin(to.parentId, department.id)) throw new DepartmentCycle();
        }
      }
      // Checked on a copy, so that a refused change leaves the department as it was.
      if (changes.name !== undefined) to.name = Department.create(department.id, changes.name, to.parentId, department.createdAt).name;
      const sibling = await this.departments.findByName(to.name, to.parentId);
      if (sibling && sibling.id !== department.id) throw new DepartmentNameTaken(to.name);

      department.moveUnder(to.parentId);
      department.rename(to.name);
      const records: AuditRecord[] = [];
      const base = { actorId: actor.userId, target: { type: 'department' as const, id: department.id } };
      if (to.parentId !== from.parentId) {
        const departmentIds = [department.id, ...[from.parentId, to.parentId].filter((id) => id !== null)];
        records.push({ ...base, action: 'department.moved', departmentIds, detail: { from: from.parentId, to: to.parentId } });
      }
      // The parent too, so the entry stays readable to the parent's admins once the department is gone.
      const renamedIn = [department.id, ...(to.parentId ? [to.parentId] : [])];
      if (to.name !== from.name) records.push({ ...base, action: 'department.renamed', departmentIds: renamedIn, detail: { from: from.name, to: to.name } });
      await this.departments.save(department);
      for (const record of records) await this.audit.record(record);
      return department;
    });
  }
}
