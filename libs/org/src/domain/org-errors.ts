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

/** Why a single sign-on ended without a session; shown to the person on the refusal page. */
export class SsoNotConfigured extends DomainError {
  readonly kind = 'not_found';
  constructor() {
    super('sso_not_configured', 'Single sign-on is not set up here');
  }
}

export class SsoUnavailable extends DomainError {
  readonly kind = 'unavailable';
  constructor() {
    super('sso_unavailable', 'The sign-in provider cannot be reached right now; try again in a moment');
  }
}

export class SsoFlowExpired extends DomainError {
  readonly kind = 'invalid';
  constructor() {
    super('sso_flow_expired', 'This sign-in was not started here, was already used, or took too long; start again');
  }
}

export class SsoInvalidResponse extends DomainError {
  readonly kind = 'unauthorized';
  constructor(reason: string) {
    super('sso_invalid_response', `The sign-in provider's answer could not be accepted (${reason}); start again`);
  }
}

export class SsoEmailUnverified extends DomainError {
  readonly kind = 'forbidden';
  constructor() {
    super('sso_email_unverified', 'Your account at the sign-in provider has no verified email address, so no account can be made for it here');
  }
}

export class SsoNoDepartment extends DomainError {
  readonly kind = 'forbidden';
  constructor() {
    super('sso_no_department', 'Your groups at the sign-in provider do not give you a department here; ask an administrator to add you to one');
  }
}

export class SsoIdentityConflict extends DomainError {
  readonly kind = 'conflict';
  constructor() {
    super('sso_identity_conflict', 'This email address already belongs to another single sign-on account here; ask an administrator');
  }
}
