import { DomainError } from '@app/kernel';

export class ValidationFailed extends DomainError {
  readonly kind = 'invalid';
  constructor(details: ReadonlyArray<{ field: string; problem: string }>) {
    super('validation_failed', 'The request is not valid', details);
  }
}

export class Unauthenticated extends DomainError {
  readonly kind = 'unauthorized';
  constructor(message = 'A valid access token is required') {
    super('unauthenticated', message);
  }
}

export class AdminOnly extends DomainError {
  readonly kind = 'forbidden';
  constructor(message = 'Only administrators may do this') {
    super('admin_only', message);
  }
}

/** A department admin acting on something they can see but that lies outside their departments. */
export class OutsideManagedDepartments extends DomainError {
  readonly kind = 'forbidden';
  constructor(what = 'This') {
    super('outside_managed_departments', `${what} is outside the departments you administer`);
  }
}

export class ServicesNotReady extends DomainError {
  readonly kind = 'unavailable';
  constructor(failed: ReadonlyArray<{ field: string; problem: string }>) {
    super('not_ready', `Not ready: ${failed.map((f) => f.field).join(', ')} unavailable`, failed);
  }
}

export class BodyTooDeep extends DomainError {
  readonly kind = 'invalid';
  constructor(maxDepth: number) {
    super('body_too_deep', `The body nests deeper than ${maxDepth} levels`);
  }
}

export class MissingHost extends DomainError {
  readonly kind = 'invalid';
  constructor() {
    super('missing_host', 'An HTTP/1.1 request must carry a Host header');
  }
}
