import type { RetrievedChunk } from '@app/retrieval';
import type { AnswerRoute, ChunkEvaluation } from '../domain/agent-decisions.types';
import { evaluateChunks, type EvaluateChunksOptions } from '../domain/evaluate-chunks';
import { planSubQueries } from '../domain/plan-sub-queries';
import { refineQuery } from '../domain/refine-query';
import { routeQuestion } from '../domain/route-question';
import type { AgentDecisions } from './answer-graph.deps';

/** The local provider's decisions: the domain services, no model call. */
export class DeterministicAgentDecisions implements AgentDecisions {
  constructor(private readonly options: { webSearchEnabled?: boolean; evaluation?: EvaluateChunksOptions } = {}) {}

  async route(question: string): Promise<AnswerRoute> {
    return routeQuestion(question, { webSearchEnabled: this.options.webSearchEnabled });
  }

  async plan(question: string): Promise<string[]> {
    return planSubQueries(question);
  }

  firstQueries(question: string): string[] {
    if (routeQuestion(question, { webSearchEnabled: this.options.webSearchEnabled }) !== 'documents') return [];
    const queries = planSubQueries(question);
    return queries.length > 0 ? queries : [question];
  }

  async evaluate(question: string, chunks: RetrievedChunk[]): Promise<ChunkEvaluation> {
    return evaluateChunks(question, chunks, this.options.evaluation);
  }

  async refine(question: string, attempt: number, chunks: RetrievedChunk[]): Promise<string> {
    return refineQuery(question, attempt, chunks);
  }
}
