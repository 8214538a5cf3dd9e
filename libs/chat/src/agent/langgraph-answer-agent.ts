import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { PromptLibrary } from '@app/llm';
import type { AccessScope, ChunkSearch } from '@app/retrieval';
import { AnswerAgent, type AnswerRun } from '../chat.ports';
import { buildAnswerGraph } from './answer-graph';
import type { AgentDecisions, WebSearch } from './answer-graph.deps';

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

  answer({ question, history, scope, signal, emit, onToken }: AnswerRun) {
    const { search, ...shared } = this.deps;
    const graph = buildAnswerGraph({
      ...shared,
      retrieve: (query, querySignal) => search.search({ query, scope, signal: querySignal }),
      emit,
      onToken,
    });
    return graph.answer({ question, history, signal });
  }

  // The search shares a running search with a later identical one, which is how `answer` picks this up.
  anticipate(question: string, scope: AccessScope): void {
    for (const query of this.deps.decisions.firstQueries?.(question) ?? []) {
      this.deps.search.search({ query, scope }).catch(() => undefined);
    }
  }
}
