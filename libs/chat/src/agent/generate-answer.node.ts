import type { AIMessageChunk, BaseMessage } from '@langchain/core/messages';
import { AIMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { fenceDocuments } from '@app/llm';
import type { RetrievedChunk } from '@app/retrieval';
import { AnswerGenerationFailed } from '../domain/answer-generation-failed.error';
import type { AnswerGraphDeps, AnswerResult, ConversationTurn } from './answer-graph.deps';
import type { AnswerGraphState, AnswerGraphUpdate } from './answer-graph.state';
import type { GenerationProgress } from './generation-progress';

/** The chunks the answer may cite, in citation order: on-topic documents first, then web results. */
function sourcesFor(state: AnswerGraphState, maxChunks: number): RetrievedChunk[] {
  if (state.destination === 'none') return [];
  return [...state.onTopic.slice(0, maxChunks), ...state.webResults];
}

function generationMessages(deps: Pick<AnswerGraphDeps, 'prompts'>, question: string, history: ConversationTurn[], sources: RetrievedChunk[]): BaseMessage[] {
  return [
    new SystemMessage(deps.prompts.render('generation-system')),
    ...history.map((turn) => (turn.role === 'user' ? new HumanMessage(turn.content) : new AIMessage(turn.content))),
    new HumanMessage(deps.prompts.render('generation-user', { documents: fenceDocuments(sources), question })),
  ];
}

// `.text` runs the content-block translators on every call; a streamed chunk is almost always a plain string.
function textOf(chunk: AIMessageChunk): string {
  return typeof chunk.content === 'string' ? chunk.content : chunk.text;
}

function finishReasonOf(message: AIMessageChunk | undefined): AnswerResult['finishReason'] {
  const reason = message?.response_metadata?.finish_reason ?? message?.response_metadata?.stop_reason;
  return reason === 'length' || reason === 'max_tokens' ? 'length' : 'stop';
}

function usageOf(message: AIMessageChunk | undefined): AnswerResult['usage'] {
  const usage = message?.usage_metadata;
  if (!usage) return undefined;
  return { inputTokens: usage.input_tokens, outputTokens: usage.output_tokens, totalTokens: usage.total_tokens };
}

/** Streams the answer through the citation guard into `onToken`; a model failure becomes AnswerGenerationFailed. */
export async function generateAnswer(deps: AnswerGraphDeps, state: AnswerGraphState, progress: GenerationProgress, signal: AbortSignal | undefined): Promise<AnswerGraphUpdate> {
  const sources = sourcesFor(state, deps.maxChunks ?? 8);
  deps.emit({ step: 'generating', detail: sources.length === 1 ? '1 source' : `${sources.length} sources` });
  progress.start(sources, new Set(state.webResults.map((chunk) => chunk.chunkId)));

  let whole: AIMessageChunk | undefined;
  try {
    const stream = await deps.chatModel.stream(generationMessages(deps, state.question, state.history, sources), { signal });
    for await (const chunk of stream) {
      whole = whole ? whole.concat(chunk) : chunk;
      const safe = progress.accept(textOf(chunk));
      if (safe) deps.onToken(safe);
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new AnswerGenerationFailed(error);
  }
  const rest = progress.finish();
  if (rest) deps.onToken(rest);
  return { result: progress.resultWith(finishReasonOf(whole), usageOf(whole)) };
}
