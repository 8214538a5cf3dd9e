import type { RetrievedChunk } from '@app/retrieval';

/** Where an answer must come from. */
export type AnswerRoute = 'documents' | 'web' | 'none';

export interface ChunkEvaluation {
  sufficient: boolean;
  /** The chunks that are about the question, in their original order. */
  onTopic: RetrievedChunk[];
  reason: string;
}
