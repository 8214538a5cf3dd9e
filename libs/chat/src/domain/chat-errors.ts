import { DomainError } from '@app/kernel';

/** Refusals that tell the client when to come back (the HTTP layer sends Retry-After). */
export abstract class ChatRefused extends DomainError {
  readonly kind = 'rate_limited';
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}

export class TooManyStreams extends ChatRefused {
  constructor(retryAfterSeconds: number) {
    super('too_many_streams', 'Too many answers are streaming for you at once; wait for one to finish', retryAfterSeconds);
  }
}

export class ChatRateLimited extends ChatRefused {
  constructor(retryAfterSeconds: number) {
    super('rate_limited', 'Too many chat messages; retry after the time in Retry-After', retryAfterSeconds);
  }
}

export class GenerationNotRunning extends DomainError {
  readonly kind = 'conflict';
  constructor(id: string) {
    super('generation_not_running', `The answer ${id} is not being generated any more`);
  }
}
