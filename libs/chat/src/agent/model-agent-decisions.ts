import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage } from '@langchain/core/messages';
import { z } from 'zod';
import { fenceDocuments, type PromptLibrary, type PromptName } from '@app/llm';
import type { RetrievedChunk } from '@app/retrieval';
import type { AnswerRoute, ChunkEvaluation } from '../domain/agent-decisions.types';
import { MAX_SUB_QUERIES } from '../domain/plan-sub-queries';
import type { AgentDecisions } from './answer-graph.deps';

const RouteReply = z.object({ route: z.enum(['documents', 'web', 'none']) });
const PlanReply = z.object({ subQueries: z.array(z.string().trim().min(1)).min(1) });
const EvaluationReply = z.object({ sufficient: z.boolean(), relevant: z.array(z.number().int()), reason: z.string().default('') });
const RefinementReply = z.object({ query: z.string().trim().min(1) });

/** Models often wrap JSON in prose or a code fence; the first {...} span is the reply. */
function jsonIn(text: string): unknown {
  const span = /\{[\s\S]*\}/.exec(text);
  if (!span) throw new SyntaxError('no JSON object in the reply');
  return JSON.parse(span[0]);
}

/**
 * Decisions made by a chat model with the prompts in `prompts/`. A reply that does not parse,
 * or a failed call, falls back to `fallback` (the deterministic decisions), so a weak model
 * degrades the agent instead of breaking it. A stop request is never swallowed.
 */
export class ModelAgentDecisions implements AgentDecisions {
  constructor(
    private readonly model: BaseChatModel,
    private readonly prompts: PromptLibrary,
    private readonly fallback: AgentDecisions,
    private readonly options: { webSearchEnabled?: boolean } = {},
  ) {}

  route(question: string, signal?: AbortSignal): Promise<AnswerRoute> {
    const variables = { question, webSearchEnabled: this.options.webSearchEnabled ? 'yes' : 'no' };
    return this.ask(
      'routing',
      variables,
      RouteReply,
      signal,
      (reply) => reply.route,
      () => this.fallback.route(question, signal),
    );
  }

  plan(question: string, signal?: AbortSignal): Promise<string[]> {
    return this.ask(
      'planning',
      { question },
      PlanReply,
      signal,
      (reply) => reply.subQueries.slice(0, MAX_SUB_QUERIES),
      () => this.fallback.plan(question, signal),
    );
  }

  evaluate(question: string, chunks: RetrievedChunk[], signal?: AbortSignal): Promise<ChunkEvaluation> {
    const toEvaluation = (reply: z.infer<typeof EvaluationReply>): ChunkEvaluation => {
      const onTopic = chunks.filter((_, index) => reply.relevant.includes(index + 1));
      return { sufficient: reply.sufficient && onTopic.length > 0, onTopic, reason: reply.reason };
    };
    return this.ask('evaluation', { question, documents: fenceDocuments(chunks) }, EvaluationReply, signal, toEvaluation, () => this.fallback.evaluate(question, chunks, signal));
  }

  refine(question: string, attempt: number, chunks: RetrievedChunk[], signal?: AbortSignal): Promise<string> {
    const variables = { question, attempt, previousQuery: question, documents: fenceDocuments(chunks) };
    return this.ask(
      'refinement',
      variables,
      RefinementReply,
      signal,
      (reply) => reply.query,
      () => this.fallback.refine(question, attempt, chunks, signal),
    );
  }

  private async ask<Reply, Decision>(
    prompt: PromptName,
    variables: Record<string, string | number>,
    schema: z.ZodType<Reply>,
    signal: AbortSignal | undefined,
    toDecision: (reply: Reply) => Decision,
    fallback: () => Promise<Decision>,
  ): Promise<Decision> {
    signal?.throwIfAborted();
    try {
      const reply = await this.model.invoke([new HumanMessage(this.prompts.render(prompt, variables))], { signal });
      return toDecision(schema.parse(jsonIn(reply.text)));
    } catch (error) {
      if (signal?.aborted) throw error;
      return fallback();
    }
  }
}
