import { InvalidUserChange } from './org-errors';

export type UserRole = 'admin' | 'member';

export class User {
  constructor(
    readonly id: string,
    public email: string,
    public passwordHash: string,
    public displayName: string,
    public role: UserRole,
    public departmentId: string,
    public disabledAt: Date | null,
    readonly createdAt: Date,
    public updatedAt: Date,
  ) {}

  static register(input: {
    id: string;
    email: string;
    passwordHash: string;
    displayName: string;
    role: UserRole;
    departmentId: string;
    now: Date;
  }): User {
    const user = new User(input.id, normaliseEmail(input.email), input.passwordHash, '', input.role, input.departmentId, null, input.now, input.now);
    user.rename(input.displayName, input.now);
    return user;
  }

  isActive(): boolean {
    return this.disabledAt === null;
  }

  rename(displayName: string, now: Date) {
    const trimmed = displayName.trim();
    if (trimmed.length < 1 || trimmed.length > 100) throw new InvalidUserChange('displayName', 'must be 1 to 100 characters');
    this.displayName = trimmed;
    this.updatedAt = now;
  }

  changeRole(role: UserRole, now: Date) {
    this.role = role;
    this.updatedAt = now;
  }

  moveTo(departmentId: string, now: Date) {
    this.departmentId = departmentId;
    this.updatedAt = now;
  }

  changePasswordHash(passwordHash: string, now: Date) {
    this.passwordHash = passwordHash;
    this.updatedAt = now;
  }

  disable(now: Date) {
    this.disabledAt ??= now;
    this.updatedAt = now;
  }

  enable(now: Date) {
    this.disabledAt = null;
    this.updatedAt = now;
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
