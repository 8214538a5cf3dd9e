import { Command } from '@nestjs/cqrs';

export type ReembedOutcome = 'switched' | 'paused' | 'skipped';

/**
 * Fills a vector space being built with vectors of the chunks already in PostgreSQL, then makes
 * it live. Resumes wherever an earlier run stopped. When `stop` aborts (the worker is shutting
 * down) it ends after the batch in hand, and a reconcile adds the job again.
 */
export class ReembedCorpus extends Command<{ outcome: ReembedOutcome }> {
  constructor(
    readonly spaceId: string,
    readonly stop?: AbortSignal,
  ) {
    super();
  }
}
