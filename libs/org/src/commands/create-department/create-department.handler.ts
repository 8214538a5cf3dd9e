import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AccessDirectory } from '@app/access';
import { AuditLog } from '@app/audit';
import { AdminOnly, assertAdministers, assertOrganizationAdmin, Transactions } from '@app/platform';
import { Department } from '../../domain/department';
import { DepartmentNameTaken, DepartmentNotFound } from '../../domain/org-errors';
import { DepartmentRepository } from '../../org.ports';
import { CreateDepartment } from './create-department.command';

/** Admins create anywhere; a department admin only under a department of their subtree. */
@CommandHandler(CreateDepartment)
export class CreateDepartmentHandler implements ICommandHandler<CreateDepartment> {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly access: AccessDirectory,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, name, parentId }: CreateDepartment) {
    const scope = await this.access.managementScopeOf(actor);
    if (scope.reach === 'none') throw new AdminOnly();
    if (parentId === null) assertOrganizationAdmin(actor);
    return this.transactions.run(async () => {
      await this.departments.lockTree();
      if (parentId !== null) {
        if (!(await this.departments.findById(parentId))) throw new DepartmentNotFound(parentId);
        assertAdministers(scope, parentId, 'That department');
      }
      const department = Department.create(randomUUID(), name, parentId, new Date());
      if (await this.departments.findByName(department.name, parentId)) throw new DepartmentNameTaken(department.name);
      await this.departments.add(department);
      await this.audit.record({
        actorId: actor.userId,
        action: 'department.created',
        target: { type: 'department', id: department.id },
        departmentIds: [department.id, ...(parentId ? [parentId] : [])],
        detail: { name: department.name, parentId },
      });
      return department;
    });
  }
}
