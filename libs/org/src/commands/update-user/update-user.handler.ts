import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessDirectory } from '@app/access';
import { AuditLog } from '@app/audit';
import { AdminOnly, assertAdministers, assertOrganizationAdmin, Transactions } from '@app/platform';
import { DepartmentNotFound, InvalidUserChange, UserNotFound } from '../../domain/org-errors';
import type { User } from '../../domain/user';
import { toUserProfile } from '../../domain/user-profile';
import { ActiveAccounts, DepartmentRepository, PasswordHasher, RefreshTokenRepository, UserRepository } from '../../org.ports';
import { UpdateUser, type UserChanges } from './update-user.command';

/**
 * Admins change anyone. A department admin changes the users of their subtree (anyone else is
 * not found), never an organisation admin, never into one, and never moves anyone out of it.
 * Nobody locks themselves out: no demoting or disabling oneself.
 */
@CommandHandler(UpdateUser)
export class UpdateUserHandler implements ICommandHandler<UpdateUser> {
  constructor(
    private readonly users: UserRepository,
    private readonly departments: DepartmentRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly accounts: ActiveAccounts,
    private readonly access: AccessDirectory,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, userId, changes }: UpdateUser) {
    const scope = await this.access.managementScopeOf(actor);
    if (scope.reach === 'none') throw new AdminOnly();
    const passwordHash = changes.password === undefined ? undefined : await this.hasher.hash(changes.password);
    const user = await this.transactions.run(async () => {
      const now = new Date();
      const user = await this.users.findById(userId);
      if (!user || (scope.reach !== 'none' && !scope.covers(user.departmentId))) throw new UserNotFound(userId);
      assertAdministers(scope, user.departmentId);
      if (user.role === 'admin') assertOrganizationAdmin(actor);
      if (changes.role === 'admin') assertOrganizationAdmin(actor);
      if (user.id === actor.userId && ((changes.role !== undefined && changes.role !== user.role) || changes.disabled)) {
        throw new InvalidUserChange(changes.disabled ? 'disabled' : 'role', 'cannot lock you out of your own administrator account');
      }
      const before = snapshot(user);
      if (changes.displayName !== undefined) user.rename(changes.displayName, now);
      if (changes.role !== undefined) user.changeRole(changes.role, now);
      if (changes.departmentId !== undefined && changes.departmentId !== user.departmentId) {
        if (!(await this.departments.findById(changes.departmentId))) throw new DepartmentNotFound(changes.departmentId);
        assertAdministers(scope, changes.departmentId, 'That department');
        user.moveTo(changes.departmentId, now);
      }
      if (passwordHash !== undefined) user.changePasswordHash(passwordHash, now);
      if (changes.disabled === true) user.disable(now);
      if (changes.disabled === false) user.enable(now);
      await this.users.save(user);
      if (passwordHash !== undefined || changes.disabled === true) await this.refreshTokens.revokeAllOfUser(user.id, now);
      await this.audit.record({
        actorId: actor.userId,
        action: 'user.updated',
        target: { type: 'user', id: user.id },
        departmentIds: [before.departmentId, user.departmentId],
        detail: { changes: differences(before, snapshot(user), changes) },
      });
      return user;
    });
    // Once committed: every process forgets what it knew of the account before answering.
    await this.accounts.changed(user.id);
    return toUserProfile(user, await this.departments.findById(user.departmentId));
  }
}

function snapshot(user: User) {
  return { displayName: user.displayName, role: user.role, departmentId: user.departmentId, disabled: !user.isActive() };
}

type Snapshot = ReturnType<typeof snapshot>;

/** What the entry says changed: each field from and to; a password only that it changed. */
function differences(before: Snapshot, after: Snapshot, asked: UserChanges): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const field of Object.keys(before) as Array<keyof Snapshot>) {
    if (before[field] !== after[field]) changed[field] = { from: before[field], to: after[field] };
  }
  if (asked.password !== undefined) changed.password = 'changed';
  return changed;
}
