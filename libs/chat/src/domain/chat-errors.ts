import { DomainError } from '@app/kernel';

/** Refusals that tell the client when to come back (the HTTP layer sends Retry-After). */
export abstract class ChatRefused extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}

export class TooManyStreams extends ChatRefused {
  readonly kind = 'rate_limited';
  constructor(retryAfterSeconds: number) {
    super('too_many_streams', 'Too many answers are streaming for you at once; wait for one to finish', retryAfterSeconds);
  }
}

export class ChatRateLimited extends ChatRefused {
  readonly kind = 'rate_limited';
  constructor(retryAfterSeconds: number) {
    super('rate_limited', 'Too many chat messages; retry after the time in Retry-After', retryAfterSeconds);
  }
}

/** This process is shutting down; the client asks again and another process answers. */
export class ServerShuttingDown extends ChatRefused {
  readonly kind = 'unavailable';
  constructor() {
    super('server_shutting_down', 'The server is restarting; ask again in a moment', 5);
  }
}

export class GenerationNotRunning extends DomainError {
  readonly kind = 'conflict';
  constructor(id: string) {
    super('generation_not_running', `The answer ${id} is not being generated any more`);
  }
}

/** Not an attachment of this conversation: another's, another conversation's, or none at all. */
export class AttachmentNotFound extends DomainError {
  readonly kind = 'not_found';
  constructor(id: string) {
    super('attachment_not_found', `Attachment ${id} is not attached to this conversation`);
  }
}

/** An answer cannot be regenerated, nor its question edited, while it is still streaming. */
export class AnswerStillStreaming extends DomainError {
  readonly kind = 'conflict';
  constructor(id: string) {
    super('answer_still_streaming', `The answer ${id} is still being generated; stop it first`);
  }
}
