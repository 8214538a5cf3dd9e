export class Department {
  constructor(
    readonly id: string,
    public name: string,
    readonly parentId: string | null,
    readonly createdAt: Date,
  ) {}

  static create(id: string, name: string, parentId: string | null, now: Date): Department {
    return new Department(id, name.trim(), parentId, now);
  }
}
