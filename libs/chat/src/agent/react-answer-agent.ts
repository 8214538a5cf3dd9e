import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage, type AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { createAgent } from 'langchain';
import type { PromptLibrary } from '@app/llm';
import { untilAborted } from '@app/kernel';
import type { AccessScope, ChunkSearch } from '@app/retrieval';
import { AnswerAgent, type AnswerRun } from '../chat.ports';
import { AnswerGenerationFailed } from '../domain/answer-generation-failed.error';
import type { AnswerResult, AnswerUsage, ConversationTurn, WebSearch } from './answer-graph.deps';
import { GenerationProgress } from './generation-progress';
import { PrefetchedSearches } from './prefetched-searches';
import { reactAnswerTools } from './react-answer-tools';

export interface ReactAnswerAgentDeps {
  search: ChunkSearch;
  /** A model that calls tools (the local extractive model cannot). */
  chatModel: BaseChatModel;
  prompts: PromptLibrary;
  webSearch?: WebSearch;
  /** Model turns that may call tools before the answer; default 4. */
  maxToolRounds?: number;
}

function historyMessages(history: ConversationTurn[]): BaseMessage[] {
  return history.map((turn) => (turn.role === 'user' ? new HumanMessage(turn.content) : new AIMessage(turn.content)));
}

function textOf(chunk: AIMessageChunk): string {
  return typeof chunk.content === 'string' ? chunk.content : chunk.text;
}

function addUsage(total: AnswerUsage | undefined, chunk: AIMessageChunk): AnswerUsage | undefined {
  const usage = chunk.usage_metadata;
  if (!usage) return total;
  return {
    inputTokens: (total?.inputTokens ?? 0) + usage.input_tokens,
    outputTokens: (total?.outputTokens ?? 0) + usage.output_tokens,
    totalTokens: (total?.totalTokens ?? 0) + usage.total_tokens,
  };
}

/**
 * The tool-calling agent (LangChain's createAgent, a ReAct loop): the model decides what to search,
 * in the documents the reader may read and on the web, and when it knows enough to answer. It
 * streams through the same citation guard as the pipeline; the `[n]` numbers run across every
 * search of the answer. Chosen with CHAT_AGENT=react.
 */
export class ReactAnswerAgent extends AnswerAgent {
  constructor(private readonly deps: ReactAnswerAgentDeps) {
    super();
  }

  async answer({ question, history, scope, signal, prefetched, emit, onToken }: AnswerRun): Promise<AnswerResult> {
    const progress = new GenerationProgress();
    progress.start([], new Set());
    const toolFailed = new AbortController();
    const tools = reactAnswerTools({
      retrieve: (query, querySignal) => {
        const started = prefetched.take(query);
        return started ? untilAborted(started, querySignal) : this.deps.search.search({ query, scope, signal: querySignal });
      },
      webSearch: this.deps.webSearch,
      progress,
      emit,
      fail: (error) => {
        toolFailed.abort(error);
        throw error;
      },
    });
    const agent = createAgent({
      model: this.deps.chatModel,
      tools,
      systemPrompt: this.deps.prompts.render('react-system', {
        web_search_rule: this.deps.webSearch
          ? 'Call `search_web` only for what the documents cannot hold (public facts, news), and only after the documents had no answer.'
          : 'You have no web search: answer from the documents only.',
      }),
    });

    let generating = false;
    let finishReason: AnswerResult['finishReason'] = 'stop';
    let usage: AnswerUsage | undefined;
    try {
      const stream = await agent.stream(
        { messages: [...historyMessages(history), new HumanMessage(question)] },
        // Each round is a model node and a tool node; the answer's own model turn is one more.
        { streamMode: 'messages', signal: AbortSignal.any([signal, toolFailed.signal]), recursionLimit: 2 * (this.deps.maxToolRounds ?? 4) + 1 },
      );
      for await (const [message] of stream) {
        // Tool results come through too; only the model's own chunks are answer text. Checked by
        // type, not class: initChatModel loads the provider's ESM build, whose message classes
        // are not this (CommonJS) build's.
        if (message.type !== 'ai') continue;
        const chunk = message as AIMessageChunk;
        usage = addUsage(usage, chunk);
        const reason = chunk.response_metadata?.finish_reason ?? chunk.response_metadata?.stop_reason;
        if (reason) finishReason = reason === 'length' || reason === 'max_tokens' ? 'length' : 'stop';
        const text = textOf(chunk);
        if (!text) continue;
        if (!generating) {
          generating = true;
          const sources = progress.sourceCount;
          emit({ step: 'generating', detail: sources === 1 ? '1 source' : `${sources} sources` });
        }
        const safe = progress.accept(text);
        if (safe) onToken(safe);
      }
    } catch (error) {
      if (signal.aborted) return progress.resultWith('stopped');
      if (toolFailed.signal.aborted) throw toolFailed.signal.reason;
      throw new AnswerGenerationFailed(error);
    }
    // Some models end their stream quietly on abort instead of throwing.
    if (signal.aborted) return progress.resultWith('stopped');
    if (toolFailed.signal.aborted) throw toolFailed.signal.reason;
    const rest = progress.finish();
    if (rest) onToken(rest);
    return progress.resultWith(finishReason, usage);
  }

  /** The model chooses the searches, so none is known before it runs. */
  prefetch(_question: string, _scope: AccessScope): PrefetchedSearches {
    return PrefetchedSearches.none();
  }
}
