import { resolve } from 'node:path';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import type { BaseMessage } from '@langchain/core/messages';
import type { ChatGenerationChunk, ChatResult } from '@langchain/core/outputs';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import { PromptLibrary } from '@app/llm';
import type { RetrievedChunk } from '@app/retrieval';
import { aChunk } from './retrieved-chunk-builder';
import type { AgentStatus, AnswerGraphDeps } from '../agent/answer-graph.deps';
import { DeterministicAgentDecisions } from '../agent/deterministic-agent-decisions';

export const prompts = PromptLibrary.load(resolve(__dirname, '../../../../prompts'));

/** A fake chat model that remembers the messages of every call, streamed or not. */
export class RecordingChatModel extends FakeListChatModel {
  readonly calls: BaseMessage[][] = [];

  override async _generate(messages: BaseMessage[], options?: this['ParsedCallOptions'], runManager?: CallbackManagerForLLMRun): Promise<ChatResult> {
    this.calls.push(messages);
    return super._generate(messages, options, runManager);
  }

  override async *_streamResponseChunks(messages: BaseMessage[], options: this['ParsedCallOptions'], runManager?: CallbackManagerForLLMRun): AsyncGenerator<ChatGenerationChunk> {
    this.calls.push(messages);
    yield* super._streamResponseChunks(messages, options, runManager);
  }
}

export const LEAVE_CHUNKS: RetrievedChunk[] = [
  aChunk('New employees receive 25 vacation days per year.', { chunkId: 'c1', fileId: 'f1', filename: 'leave.pdf', page: 2, score: 0.9 }),
  aChunk('Vacation requests are approved by the team lead.', { chunkId: 'c2', fileId: 'f1', filename: 'leave.pdf', page: 3, score: 0.8 }),
  aChunk('Unused vacation days for new employees expire in March.', { chunkId: 'c3', fileId: 'f2', filename: 'faq.md', page: null, score: 0.7 }),
];

export interface Harness {
  deps: AnswerGraphDeps;
  statuses: AgentStatus[];
  tokens: string[];
  queries: string[];
}

/** Deps with the deterministic decisions, a recording retriever and collected events. */
export function harness(chatModel: BaseChatModel, overrides: Partial<AnswerGraphDeps> & { chunks?: RetrievedChunk[] } = {}): Harness {
  const statuses: AgentStatus[] = [];
  const tokens: string[] = [];
  const queries: string[] = [];
  const { chunks = LEAVE_CHUNKS, ...rest } = overrides;
  const deps: AnswerGraphDeps = {
    retrieve: async (query) => {
      queries.push(query);
      return chunks;
    },
    decisions: new DeterministicAgentDecisions({ webSearchEnabled: overrides.webSearch !== undefined }),
    chatModel,
    prompts,
    emit: (status) => statuses.push(status),
    onToken: (text) => tokens.push(text),
    ...rest,
  };
  return { deps, statuses, tokens, queries };
}
