import { DomainError } from '@app/kernel';

export class InvalidCredentials extends DomainError {
  readonly kind = 'unauthorized';
  constructor() {
    super('invalid_credentials', 'The email or password is wrong');
  }
}

export class AccountDisabled extends DomainError {
  readonly kind = 'unauthorized';
  constructor() {
    super('account_disabled', 'This account is disabled; an administrator can enable it again');
  }
}

export class SessionEnded extends DomainError {
  readonly kind = 'unauthorized';
  constructor() {
    super('session_ended', 'This session has ended (signed out, or the password changed); sign in again');
  }
}

export class InvalidRefreshToken extends DomainError {
  readonly kind = 'unauthorized';
  constructor(message = 'The refresh token is not valid') {
    super('invalid_refresh_token', message);
  }
}

export class RefreshTokenReused extends DomainError {
  readonly kind = 'unauthorized';
  constructor() {
    super('refresh_token_reused', 'This refresh token was already used; the session has been revoked');
  }
}

export class DepartmentNotFound extends DomainError {
  readonly kind = 'not_found';
  constructor(id: string) {
    super('department_not_found', `Department ${id} does not exist`);
  }
}

export class DepartmentNameTaken extends DomainError {
  readonly kind = 'conflict';
  constructor(name: string) {
    super('department_name_taken', `A department named "${name}" already exists there`);
  }
}

export class UserNotFound extends DomainError {
  readonly kind = 'not_found';
  constructor(id: string) {
    super('user_not_found', `User ${id} does not exist`);
  }
}

export class EmailTaken extends DomainError {
  readonly kind = 'conflict';
  constructor(email: string) {
    super('email_taken', `A user with email ${email} already exists`);
  }
}

export class InvalidUserChange extends DomainError {
  readonly kind = 'invalid';
  constructor(field: string, problem: string) {
    super('invalid_user_change', `${field} ${problem}`, [{ field, problem }]);
  }
}

export class InvalidDepartmentChange extends DomainError {
  readonly kind = 'invalid';
  constructor(field: string, problem: string) {
    super('invalid_department_change', `${field} ${problem}`, [{ field, problem }]);
  }
}

export class DepartmentCycle extends DomainError {
  readonly kind = 'conflict';
  constructor() {
    super('department_cycle', 'A department cannot move under itself or one of its own sub-departments');
  }
}

export interface DepartmentHoldings {
  users: number;
  files: number;
  departments: number;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export class DepartmentNotEmpty extends DomainError {
  readonly kind = 'conflict';
  constructor(holdings: DepartmentHoldings) {
    const left = [
      holdings.users ? { field: 'users', problem: plural(holdings.users, 'user', 'users') } : null,
      holdings.files ? { field: 'files', problem: plural(holdings.files, 'file', 'files') } : null,
      holdings.departments ? { field: 'departments', problem: plural(holdings.departments, 'sub-department', 'sub-departments') } : null,
    ].filter((item) => item !== null);
    super('department_not_empty', `The department still holds ${left.map((item) => item.problem).join(', ')}; move or delete them first`, left);
  }
}

export class PasswordLoginDisabled extends DomainError {
  readonly kind = 'forbidden';
  constructor() {
    super('password_login_disabled', 'Password sign-in is turned off; sign in with single sign-on');
  }
}
