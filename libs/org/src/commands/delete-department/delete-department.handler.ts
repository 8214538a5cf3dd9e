import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '@app/audit';
import { assertOrganizationAdmin, Transactions } from '@app/platform';
import { DepartmentNotEmpty, DepartmentNotFound } from '../../domain/org-errors';
import { DepartmentRepository } from '../../org.ports';
import { DeleteDepartment } from './delete-department.command';

/**
 * Only an empty department goes: no users, no files, no sub-departments. The foreign keys
 * refuse a user or file added between the count and the delete, which rolls back the entry too.
 */
@CommandHandler(DeleteDepartment)
export class DeleteDepartmentHandler implements ICommandHandler<DeleteDepartment> {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, departmentId }: DeleteDepartment) {
    assertOrganizationAdmin(actor);
    await this.transactions.run(async () => {
      await this.departments.lockTree();
      const department = await this.departments.findById(departmentId);
      if (!department) throw new DepartmentNotFound(departmentId);
      const holdings = await this.departments.holdingsOf(department.id);
      if (holdings.users || holdings.files || holdings.departments) throw new DepartmentNotEmpty(holdings);
      await this.audit.record({
        actorId: actor.userId,
        action: 'department.deleted',
        target: { type: 'department', id: department.id },
        departmentIds: [department.id, ...(department.parentId ? [department.parentId] : [])],
        detail: { name: department.name, parentId: department.parentId },
      });
      await this.departments.remove(department);
    });
  }
}
