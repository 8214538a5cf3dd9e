import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { MessageCitation } from '@app/conversations';
import type { PromptLibrary } from '@app/llm';
import type { RetrievedChunk } from '@app/retrieval';
import type { AnswerRoute, ChunkEvaluation } from '../domain/agent-decisions.types';

/** `reading_attachments`: before the others, while an attachment the question was asked with is still being ingested. */
export type AgentStep = 'reading_attachments' | 'routing' | 'planning' | 'retrieving' | 'evaluating' | 'refining' | 'web_search' | 'generating';

/** The payload of an SSE `status` event. */
export interface AgentStatus {
  step: AgentStep;
  detail?: string;
}

/** The judgement calls of the agent; the local provider decides them deterministically. */
export interface AgentDecisions {
  route(question: string, signal?: AbortSignal): Promise<AnswerRoute>;
  plan(question: string, signal?: AbortSignal): Promise<string[]>;
  evaluate(question: string, chunks: RetrievedChunk[], signal?: AbortSignal): Promise<ChunkEvaluation>;
  refine(question: string, attempt: number, chunks: RetrievedChunk[], signal?: AbortSignal): Promise<string>;
  /**
   * The queries the first retrieval will run, when routing and planning need no model call;
   * empty when no retrieval will run first. Absent where only a model can tell.
   */
  firstQueries?(question: string): string[];
}

export interface WebSearchResult {
  title: string;
  url: string;
  content: string;
  score: number;
}

export interface WebSearch {
  search(query: string, signal?: AbortSignal): Promise<WebSearchResult[]>;
}

export interface ConversationTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** Everything one answer needs; build them per request, since `retrieve` carries the caller's access scope. */
export interface AnswerGraphDeps {
  /** Searches only what the caller may read; the graph never sees or widens the scope. */
  retrieve(query: string, signal?: AbortSignal): Promise<RetrievedChunk[]>;
  decisions: AgentDecisions;
  chatModel: BaseChatModel;
  prompts: PromptLibrary;
  /** Absent means web search is disabled. */
  webSearch?: WebSearch;
  emit(status: AgentStatus): void;
  /** Answer text that passed the citation guard, in order; concatenated it is `AnswerResult.answer`. */
  onToken(text: string): void;
  /** Refine-and-retrieve rounds after the first retrieval; default 2. */
  maxRefinements?: number;
  /** Most chunks put into the generation prompt; default 8. */
  maxChunks?: number;
}

export interface AnswerRequest {
  question: string;
  /** Earlier turns of the conversation, oldest first, without the current question. */
  history?: ConversationTurn[];
  signal?: AbortSignal;
}

/** What the answer cites is exactly what its message stores. */
export type Citation = MessageCitation;

export type FinishReason = 'stop' | 'length' | 'stopped';

export interface AnswerUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

export interface AnswerResult {
  answer: string;
  /** Only the citations the answer uses, ordered by n; n is the chunk's place in the prompt. */
  citations: Citation[];
  finishReason: FinishReason;
  usage?: AnswerUsage;
}
