/**
 * Where an actor may administer: the whole organisation (`admin`), the subtree of their own
 * department (`department_admin`: that department and every one below it), or nowhere (`member`).
 */
export class ManagementScope {
  private constructor(
    readonly reach: 'organization' | 'subtree' | 'none',
    private readonly departments: ReadonlySet<string>,
    /** The department at the top of a subtree. */
    readonly rootDepartmentId: string | null,
  ) {}

  static organization(): ManagementScope {
    return new ManagementScope('organization', new Set(), null);
  }

  static subtree(rootDepartmentId: string, departmentIds: Iterable<string>): ManagementScope {
    return new ManagementScope('subtree', new Set([rootDepartmentId, ...departmentIds]), rootDepartmentId);
  }

  static none(): ManagementScope {
    return new ManagementScope('none', new Set(), null);
  }

  get isOrganization(): boolean {
    return this.reach === 'organization';
  }

  /** Whether things of this department are the actor's to administer. */
  covers(departmentId: string): boolean {
    return this.reach === 'organization' || this.departments.has(departmentId);
  }

  /** Whether the department lies strictly below the top of the actor's subtree (or anywhere, for an admin). */
  coversBelowRoot(departmentId: string): boolean {
    return this.reach === 'organization' || (this.covers(departmentId) && departmentId !== this.rootDepartmentId);
  }

  /** The departments administered, or null for all of them. */
  departmentIds(): string[] | null {
    return this.reach === 'organization' ? null : [...this.departments];
  }
}
