import { DomainError } from '@app/kernel';

/** The HTTP status an OpenAI-compatible client error carries, when it has one. */
function statusOf(cause: unknown): number | undefined {
  const status = (cause as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The chat model failed while answering (not a stop request); the SSE layer sends it as `error`. */
export class AnswerGenerationFailed extends DomainError {
  readonly kind = 'unavailable';

  constructor(override readonly cause: unknown) {
    const rateLimited = statusOf(cause) === 429;
    super(
      rateLimited ? 'model_rate_limited' : 'answer_generation_failed',
      rateLimited ? 'The chat model is refusing requests for now (rate limited); ask again in a minute' : `the chat model failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}
