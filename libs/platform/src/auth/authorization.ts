import type { ManagementScope } from '@app/kernel';
import { AdminOnly, OutsideManagedDepartments } from '../http/platform-errors';
import type { Actor } from './actor';

/**
 * The refusals every administrative use case shares, decided in the handler with the actor and
 * the target: a member is refused (`admin_only`), a department admin is refused outside their
 * subtree (`outside_managed_departments`). Both are 403s for something the caller can see;
 * what they cannot see answers 404 before it comes to this.
 */
export function assertAdministers(scope: ManagementScope, departmentId: string, what?: string): void {
  if (scope.reach === 'none') throw new AdminOnly();
  if (!scope.covers(departmentId)) throw new OutsideManagedDepartments(what);
}

/** For what only an organisation admin does (re-embedding the corpus, deleting a department, granting `admin`). */
export function assertOrganizationAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new AdminOnly(actor.role === 'department_admin' ? 'Only organisation administrators may do this' : undefined);
}
