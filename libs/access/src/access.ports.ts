import type { DepartmentTree, ManagementScope, ReaderScope } from '@app/kernel';
import type { Actor } from '@app/platform';

/**
 * The department tree as access decisions need it, read from the database at each call: no
 * scope is cached anywhere, so a moved user or department counts from the next request on, in
 * every process.
 */
export abstract class AccessDirectory {
  /** Whose department documents someone of this department reads: it and each department above it. */
  abstract readerScopeOf(departmentId: string): Promise<ReaderScope>;
  /** Where the actor may administer, as of now. */
  abstract managementScopeOf(actor: Actor): Promise<ManagementScope>;
  /** The whole tree (a small table), for rules that compare several departments. */
  abstract tree(): Promise<DepartmentTree>;
}
