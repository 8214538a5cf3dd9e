import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DepartmentNotFound, EmailTaken, InvalidUserChange } from '../../domain/org-errors';
import { passwordProblem } from '../../domain/password-policy';
import { normaliseEmail, User } from '../../domain/user';
import { toUserProfile } from '../../domain/user-profile';
import { DepartmentRepository, PasswordHasher, UserRepository } from '../../org.ports';
import { CreateUser } from './create-user.command';

@CommandHandler(CreateUser)
export class CreateUserHandler implements ICommandHandler<CreateUser> {
  constructor(
    private readonly users: UserRepository,
    private readonly departments: DepartmentRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: CreateUser) {
    const problem = passwordProblem(command.password);
    if (problem) throw new InvalidUserChange('password', problem);
    const department = await this.departments.findById(command.departmentId);
    if (!department) throw new DepartmentNotFound(command.departmentId);
    if (await this.users.findByEmail(normaliseEmail(command.email))) throw new EmailTaken(normaliseEmail(command.email));
    const user = User.register({
      id: randomUUID(),
      email: command.email,
      passwordHash: await this.hasher.hash(command.password),
      displayName: command.displayName,
      role: command.role,
      departmentId: department.id,
      now: new Date(),
    });
    await this.users.add(user);
    return toUserProfile(user, department);
  }
}
