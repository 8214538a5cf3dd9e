import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { PromptLibrary } from '@app/llm';
import { untilAborted } from '@app/kernel';
import type { AccessScope, ChunkSearch } from '@app/retrieval';
import { AnswerAgent, type AnswerRun } from '../chat.ports';
import { buildAnswerGraph } from './answer-graph';
import type { AgentDecisions, WebSearch } from './answer-graph.deps';
import { PrefetchedSearches } from './prefetched-searches';

export interface LangGraphAnswerAgentDeps {
  search: ChunkSearch;
  decisions: AgentDecisions;
  chatModel: BaseChatModel;
  prompts: PromptLibrary;
  webSearch?: WebSearch;
}

/** The answer graph, built per answer because its retrieval carries the reader's access scope. */
export class LangGraphAnswerAgent extends AnswerAgent {
  constructor(private readonly deps: LangGraphAnswerAgentDeps) {
    super();
  }

  answer({ question, history, scope, signal, prefetched, emit, onToken }: AnswerRun) {
    const { search, ...shared } = this.deps;
    const graph = buildAnswerGraph({
      ...shared,
      retrieve: (query, querySignal) => {
        const started = prefetched.take(query);
        return started ? untilAborted(started, querySignal) : search.search({ query, scope, signal: querySignal });
      },
      emit,
      onToken,
    });
    return graph.answer({ question, history, signal });
  }

  prefetch(question: string, scope: AccessScope): PrefetchedSearches {
    const queries = this.deps.decisions.firstQueries?.(question) ?? [];
    return PrefetchedSearches.start(queries, (query) => this.deps.search.search({ query, scope }));
  }
}
