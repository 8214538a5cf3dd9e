/** What went wrong, in terms a client can act on; the HTTP layer maps each kind to a status. */
export type ErrorKind = 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'unsupported' | 'rate_limited' | 'unavailable';

/**
 * Base of every domain error: a stable snake_case `code` clients can switch on and a `kind`.
 * Feature modules declare their own subclasses; nothing here knows about HTTP.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;

  constructor(
    readonly code: string,
    message: string,
    readonly details?: ReadonlyArray<{ field: string; problem: string }>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
