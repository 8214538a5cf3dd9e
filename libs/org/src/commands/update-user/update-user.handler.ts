import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DepartmentNotFound, InvalidUserChange, UserNotFound } from '../../domain/org-errors';
import { toUserProfile } from '../../domain/user-profile';
import { ActiveAccounts, DepartmentRepository, PasswordHasher, RefreshTokenRepository, UserRepository } from '../../org.ports';
import { UpdateUser } from './update-user.command';

@CommandHandler(UpdateUser)
export class UpdateUserHandler implements ICommandHandler<UpdateUser> {
  constructor(
    private readonly users: UserRepository,
    private readonly departments: DepartmentRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly accounts: ActiveAccounts,
  ) {}

  async execute({ actor, userId, changes }: UpdateUser) {
    const now = new Date();
    const user = await this.users.findById(userId);
    if (!user) throw new UserNotFound(userId);
    if (user.id === actor.userId && (changes.role === 'member' || changes.disabled)) {
      throw new InvalidUserChange(changes.disabled ? 'disabled' : 'role', 'cannot lock you out of your own administrator account');
    }
    if (changes.displayName !== undefined) user.rename(changes.displayName, now);
    if (changes.role !== undefined) user.changeRole(changes.role, now);
    if (changes.departmentId !== undefined) {
      if (!(await this.departments.findById(changes.departmentId))) throw new DepartmentNotFound(changes.departmentId);
      user.moveTo(changes.departmentId, now);
    }
    if (changes.password !== undefined) user.changePasswordHash(await this.hasher.hash(changes.password), now);
    if (changes.disabled === true) user.disable(now);
    if (changes.disabled === false) user.enable(now);
    await this.users.save(user);
    if (changes.password !== undefined || changes.disabled === true) await this.refreshTokens.revokeAllOfUser(user.id, now);
    await this.accounts.changed(user.id);
    return toUserProfile(user, await this.departments.findById(user.departmentId));
  }
}
