import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AccessDirectory } from '@app/access';
import { AuditLog } from '@app/audit';
import { AdminOnly, assertAdministers, assertOrganizationAdmin, Transactions } from '@app/platform';
import { DepartmentNotFound, EmailTaken, InvalidUserChange } from '../../domain/org-errors';
import { passwordProblem } from '../../domain/password-policy';
import { normaliseEmail, User } from '../../domain/user';
import { toUserProfile } from '../../domain/user-profile';
import { DepartmentRepository, PasswordHasher, UserRepository } from '../../org.ports';
import { CreateUser } from './create-user.command';

/** Admins create anyone anywhere; a department admin creates members and department admins in their subtree. */
@CommandHandler(CreateUser)
export class CreateUserHandler implements ICommandHandler<CreateUser> {
  constructor(
    private readonly users: UserRepository,
    private readonly departments: DepartmentRepository,
    private readonly hasher: PasswordHasher,
    private readonly access: AccessDirectory,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
  ) {}

  async execute(command: CreateUser) {
    const { actor } = command;
    const scope = await this.access.managementScopeOf(actor);
    if (scope.reach === 'none') throw new AdminOnly();
    const problem = passwordProblem(command.password);
    if (problem) throw new InvalidUserChange('password', problem);
    const department = await this.departments.findById(command.departmentId);
    if (!department) throw new DepartmentNotFound(command.departmentId);
    assertAdministers(scope, department.id, 'That department');
    if (command.role === 'admin') assertOrganizationAdmin(actor);
    const passwordHash = await this.hasher.hash(command.password);
    return this.transactions.run(async () => {
      if (await this.users.findByEmail(normaliseEmail(command.email))) throw new EmailTaken(normaliseEmail(command.email));
      const user = User.register({ id: randomUUID(), email: command.email, passwordHash, displayName: command.displayName, role: command.role, departmentId: department.id, now: new Date() });
      await this.users.add(user);
      await this.audit.record({
        actorId: actor.userId,
        action: 'user.created',
        target: { type: 'user', id: user.id },
        departmentIds: [department.id],
        detail: { email: user.email, role: user.role, departmentId: department.id },
      });
      return toUserProfile(user, department);
    });
  }
}
