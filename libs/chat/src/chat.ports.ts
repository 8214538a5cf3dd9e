import type { AccessScope } from '@app/retrieval';
import type { AgentStatus, AnswerResult, ConversationTurn } from './agent/answer-graph.deps';
import type { PrefetchedSearches } from './agent/prefetched-searches';
import type { AnswerOutcome } from './domain/answer-ending';

export type SlotRefusal = { granted: false; reason: 'too_many_streams' | 'rate_limited'; retryAfterSeconds: number };
export type SlotDecision = { granted: true } | SlotRefusal;

/**
 * Per-user leases on open chat streams, shared by every API process. A lease expires unless
 * renewed, so a crashed process cannot hold a user's slots for ever.
 */
export abstract class StreamSlots {
  /** Counts the request against the user's per-minute limit, then takes a slot unless all are held. */
  abstract acquire(userId: string, streamId: string): Promise<SlotDecision>;
  abstract renew(userId: string, streamId: string): Promise<void>;
  abstract release(userId: string, streamId: string): Promise<void>;
  /** True while some process holds the stream's lease. */
  abstract isHeld(userId: string, streamId: string): Promise<boolean>;
}

/** Stop requests that reach whichever API process holds the stream. */
export abstract class StopSignals {
  /** Asks the process holding this answer to stop it. */
  abstract request(assistantMessageId: string): Promise<void>;
  /** Calls onStop when a stop for this answer arrives; returns the unsubscribe. */
  abstract listen(assistantMessageId: string, onStop: () => void): () => void;
}

export interface AnswerRun {
  question: string;
  history: ConversationTurn[];
  scope: AccessScope;
  signal: AbortSignal;
  /** What `AnswerAgent.prefetch` started for this question; the run takes them instead of searching again. */
  prefetched: PrefetchedSearches;
  emit(status: AgentStatus): void;
  onToken(text: string): void;
}

/** The agent behind one answer: resolves with finishReason 'stopped' on abort, rejects on failure. */
export abstract class AnswerAgent {
  abstract answer(run: AnswerRun): Promise<AnswerResult>;
  /**
   * Starts the searches the answer will begin with, when they are known without a model call, so
   * that searching overlaps saving the question; they are handed to `answer` in `run.prefetched`.
   * A failure surfaces, if at all, in `answer`.
   */
  abstract prefetch(question: string, scope: AccessScope): PrefetchedSearches;
}

export interface Feedback {
  messageId: string;
  userId: string;
  rating: 'up' | 'down';
  comment: string | null;
  at: Date;
}

export abstract class FeedbackRepository {
  /** One feedback per user and message; giving it again replaces it. */
  abstract save(feedback: Feedback): Promise<void>;
}

/** Timings of the chat path, for /metrics. */
export abstract class ChatMetrics {
  abstract firstToken(seconds: number): void;
  abstract answered(outcome: AnswerOutcome, seconds: number): void;
  abstract streamOpened(): void;
  abstract streamClosed(): void;
}
