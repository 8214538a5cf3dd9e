import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AuditLog } from '@app/audit';
import { DomainError } from '@app/kernel';
import { AppConfig, Transactions } from '@app/platform';
import { AccountDisabled, SsoEmailUnverified, SsoIdentityConflict, SsoNoDepartment } from '../../domain/org-errors';
import { assignmentFor, type GroupRule, type SsoAssignment } from '../../domain/sso-assignment';
import { normaliseEmail, NO_PASSWORD, User } from '../../domain/user';
import { ActiveAccounts, DepartmentRepository, type SsoIdentity, UserRepository } from '../../org.ports';
import { SessionIssuer } from '../../sessions/session-issuer';
import { SignInWithSso } from './sign-in-with-sso.command';

type Outcome = { user: User; created: boolean; changes: Record<string, { from: unknown; to: unknown }> } | { refused: DomainError; userId: string | null; departmentIds: string[] };

/**
 * Just-in-time accounts from a verified email; department and role from the groups claim
 * through the configured mapping, applied at every sign-in, so a move in the directory moves
 * the person's access at their next sign-in. The account is found by the provider's subject,
 * or else, once, by its verified email (an account an admin made before is linked). Every
 * sign-in and every refusal of a verified identity is recorded.
 */
@CommandHandler(SignInWithSso)
export class SignInWithSsoHandler implements ICommandHandler<SignInWithSso> {
  private readonly rules: readonly GroupRule[];

  constructor(
    private readonly users: UserRepository,
    private readonly departments: DepartmentRepository,
    private readonly sessions: SessionIssuer,
    private readonly accounts: ActiveAccounts,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
    config: AppConfig,
  ) {
    this.rules = config.get('OIDC_GROUP_MAPPING');
  }

  async execute({ identity }: SignInWithSso) {
    const outcome = await this.transactions.run(() => this.apply(identity));
    if ('refused' in outcome) {
      await this.transactions.run(() =>
        this.audit.record({
          actorId: null,
          action: 'sso.refused',
          target: { type: 'identity', id: identity.subject },
          departmentIds: outcome.departmentIds,
          detail: { reason: outcome.refused.code, email: identity.email, groups: identity.groups, userId: outcome.userId },
        }),
      );
      throw outcome.refused;
    }
    const { user, changes } = outcome;
    if (Object.keys(changes).length) await this.accounts.changed(user.id);
    const session = await this.sessions.issue(user, new Date());
    return { ...session, userId: user.id };
  }

  private async apply(identity: SsoIdentity): Promise<Outcome> {
    if (!identity.email || !identity.emailVerified) return { refused: new SsoEmailUnverified(), userId: null, departmentIds: [] };
    const email = normaliseEmail(identity.email);
    const assignment = assignmentFor(identity.groups, this.rules, await this.departments.list());
    const linked = await this.users.findBySsoIdentity(identity.issuer, identity.subject);
    const user = linked ?? (await this.users.findByEmail(email));
    if (!assignment) return { refused: new SsoNoDepartment(), userId: user?.id ?? null, departmentIds: user ? [user.departmentId] : [] };
    if (!user) return this.create(identity, email, assignment);
    if (!linked && user.ssoSubject !== null) return { refused: new SsoIdentityConflict(), userId: user.id, departmentIds: [user.departmentId] };
    if (!user.isActive()) return { refused: new AccountDisabled(), userId: user.id, departmentIds: [user.departmentId] };

    const now = new Date();
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (!linked) user.linkSsoIdentity(identity.issuer, identity.subject, now);
    if (user.departmentId !== assignment.departmentId) {
      changes.departmentId = { from: user.departmentId, to: assignment.departmentId };
      user.moveTo(assignment.departmentId, now);
    }
    if (user.role !== assignment.role) {
      changes.role = { from: user.role, to: assignment.role };
      user.changeRole(assignment.role, now);
    }
    // The provider's email is the current one, unless another account already has it.
    if (user.email !== email && !(await this.users.findByEmail(email))) {
      changes.email = { from: user.email, to: email };
      user.changeEmail(email, now);
    }
    await this.users.save(user);
    const departmentIds = [...new Set([user.departmentId, ...(changes.departmentId ? [changes.departmentId.from as string] : [])])];
    await this.audit.record({ actorId: user.id, action: 'sso.signed_in', target: { type: 'user', id: user.id }, departmentIds, detail: { created: false, linked: !linked, changes } });
    return { user, created: false, changes };
  }

  private async create(identity: SsoIdentity, email: string, assignment: SsoAssignment): Promise<Outcome> {
    const now = new Date();
    const displayName = (identity.displayName ?? email.split('@')[0]).trim().slice(0, 100) || email.slice(0, 100);
    const user = User.register({ id: randomUUID(), email, passwordHash: NO_PASSWORD, displayName, role: assignment.role, departmentId: assignment.departmentId, now });
    user.linkSsoIdentity(identity.issuer, identity.subject, now);
    await this.users.add(user);
    await this.audit.record({
      actorId: user.id,
      action: 'sso.signed_in',
      target: { type: 'user', id: user.id },
      departmentIds: [user.departmentId],
      detail: { created: true, email, role: user.role, departmentId: user.departmentId },
    });
    return { user, created: true, changes: {} };
  }
}
