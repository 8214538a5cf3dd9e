import { InvalidDepartmentChange } from './org-errors';

export class Department {
  constructor(
    readonly id: string,
    public name: string,
    public parentId: string | null,
    readonly createdAt: Date,
  ) {}

  static create(id: string, name: string, parentId: string | null, now: Date): Department {
    const department = new Department(id, '', parentId, now);
    department.rename(name);
    return department;
  }

  rename(name: string) {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 100) throw new InvalidDepartmentChange('name', 'must be 1 to 100 characters');
    this.name = trimmed;
  }

  /** Where it goes is checked by the caller against the tree (never under itself or its descendants). */
  moveUnder(parentId: string | null) {
    this.parentId = parentId;
  }
}
