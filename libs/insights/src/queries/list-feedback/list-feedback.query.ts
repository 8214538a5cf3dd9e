import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/kernel';
import type { Actor } from '@app/platform';
import type { RatedAnswer } from '../../insights.ports';

export interface FeedbackRequest {
  rating?: 'up' | 'down';
  /** First day, `YYYY-MM-DD` (UTC), by when the answer was rated. */
  from?: string;
  /** Last day, included. */
  to?: string;
  limit: number;
  cursor?: string;
}

export class ListFeedback extends Query<Page<RatedAnswer>> {
  constructor(
    readonly actor: Actor,
    readonly request: FeedbackRequest,
  ) {
    super();
  }
}
