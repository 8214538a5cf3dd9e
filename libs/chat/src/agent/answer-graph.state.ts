import { Annotation } from '@langchain/langgraph';
import type { RetrievedChunk } from '@app/retrieval';
import type { AnswerRoute } from '../domain/agent-decisions.types';
import type { AnswerResult, ConversationTurn } from './answer-graph.deps';

export const AnswerState = Annotation.Root({
  question: Annotation<string>(),
  history: Annotation<ConversationTurn[]>({ reducer: (_, next) => next, default: () => [] }),
  destination: Annotation<AnswerRoute>({ reducer: (_, next) => next, default: () => 'documents' }),
  /** The queries the next retrieval runs: the plan, then each refined query. */
  queries: Annotation<string[]>({ reducer: (_, next) => next, default: () => [] }),
  /** Everything retrieved so far, best first; refinements add to it. */
  chunks: Annotation<RetrievedChunk[]>({ reducer: (_, next) => next, default: () => [] }),
  onTopic: Annotation<RetrievedChunk[]>({ reducer: (_, next) => next, default: () => [] }),
  sufficient: Annotation<boolean>({ reducer: (_, next) => next, default: () => false }),
  refinements: Annotation<number>({ reducer: (_, next) => next, default: () => 0 }),
  /** The last refinement found no on-topic chunk that the rounds before it had not. */
  stalled: Annotation<boolean>({ reducer: (_, next) => next, default: () => false }),
  webResults: Annotation<RetrievedChunk[]>({ reducer: (_, next) => next, default: () => [] }),
  result: Annotation<AnswerResult | null>({ reducer: (_, next) => next, default: () => null }),
});

export type AnswerGraphState = typeof AnswerState.State;
export type AnswerGraphUpdate = typeof AnswerState.Update;
