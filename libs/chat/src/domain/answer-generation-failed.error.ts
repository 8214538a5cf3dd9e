import { DomainError } from '@app/kernel';

/** The chat model failed while answering (not a stop request); the SSE layer sends it as `error`. */
export class AnswerGenerationFailed extends DomainError {
  readonly kind = 'unavailable';

  constructor(override readonly cause: unknown) {
    super('answer_generation_failed', `the chat model failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}
