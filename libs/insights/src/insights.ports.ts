import type { AnswerEnding, MessageCitation } from '@app/conversations';
import type { Cursor } from '@app/kernel';
import type { InsightScope } from './domain/insight-scope';
import type { OpenDayRange } from './domain/report-range';

interface DepartmentRef {
  id: string;
  name: string;
}

/** One rated answer as an administrator reads it: the question and answer, not the conversation. */
export interface RatedAnswer {
  assistantMessageId: string;
  rating: 'up' | 'down';
  comment: string | null;
  ratedAt: Date;
  answeredAt: Date;
  question: string;
  answer: string;
  citations: MessageCitation[];
  ending: AnswerEnding | null;
  /** The asker's department now. */
  department: DepartmentRef;
}

export interface FeedbackFilter {
  scope: InsightScope;
  rating: 'up' | 'down' | null;
  range: OpenDayRange;
}

export abstract class FeedbackReadModel {
  /** Most recently rated first (ratedAt, then the answer's id, descending), after the cursor. */
  abstract list(filter: FeedbackFilter, limit: number, after: Cursor | null): Promise<RatedAnswer[]>;
}

type AnswerCounts = Record<AnswerEnding, number>;

export interface UsageFigures {
  /** Conversations started. */
  conversations: number;
  answers: AnswerCounts;
  inputTokens: number;
  outputTokens: number;
  /** Answers the model reported no token counts for (cut short, or a provider without usage). */
  answersWithoutUsage: number;
}

/** One department's figures on one UTC day, with only the days and departments that had any. */
export interface UsageRow extends UsageFigures {
  day: string;
  department: DepartmentRef;
}

export abstract class UsageReadModel {
  /** Rows for `[start, endExclusive)`, by day, then department name. */
  abstract daily(scope: InsightScope, start: Date, endExclusive: Date): Promise<UsageRow[]>;
}
