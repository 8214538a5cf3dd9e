import { accessScopeOf, ChunkSearch } from '@app/retrieval';
import { RecordingChunkSearch } from '@app/testing/retrieval';
import { DeterministicAgentDecisions } from './deterministic-agent-decisions';
import { LEAVE_CHUNKS, prompts, RecordingChatModel } from '../testing';
import { LangGraphAnswerAgent } from './langgraph-answer-agent';
import type { AgentDecisions } from './answer-graph.deps';
import { PrefetchedSearches } from './prefetched-searches';

const scope = accessScopeOf({ departmentIds: ['d1'] });
const agentWith = (search: ChunkSearch, decisions: AgentDecisions, chatModel = new RecordingChatModel({ responses: ['ok [1]'] })) =>
  new LangGraphAnswerAgent({ search, decisions, chatModel, prompts });
const runOf = (question: string, prefetched: PrefetchedSearches, signal = new AbortController().signal) => ({
  question,
  history: [],
  scope,
  signal,
  prefetched,
  emit: () => undefined,
  onToken: () => undefined,
});

describe('LangGraphAnswerAgent', () => {
  it('starts searching, in the reader’s scope, for each query its plan will retrieve first', () => {
    const search = new RecordingChunkSearch(async () => LEAVE_CHUNKS);
    const prefetched = agentWith(search, new DeterministicAgentDecisions()).prefetch('How many vacation days do I get? And who approves them?', scope);
    expect(search.requests.map((r) => r.query)).toEqual(['How many vacation days do I get?', 'And who approves them?']);
    expect(search.requests.every((r) => r.scope === scope)).toBe(true);
    expect(prefetched.queries).toEqual(['How many vacation days do I get?', 'And who approves them?']);
  });

  it('answers from the prefetched search instead of searching again', async () => {
    const search = new RecordingChunkSearch(async () => LEAVE_CHUNKS);
    const agent = agentWith(search, new DeterministicAgentDecisions());
    const question = 'How many vacation days do new employees get?';
    const prefetched = agent.prefetch(question, scope);
    const result = await agent.answer(runOf(question, prefetched));
    expect(search.requests.map((r) => r.query)).toEqual([question]);
    expect(result.citations[0]).toMatchObject({ n: 1, chunkId: LEAVE_CHUNKS[0].chunkId });
  });

  it('searches itself when nothing was prefetched', async () => {
    const search = new RecordingChunkSearch(async () => LEAVE_CHUNKS);
    const question = 'How many vacation days do new employees get?';
    await agentWith(search, new DeterministicAgentDecisions()).answer(runOf(question, PrefetchedSearches.none()));
    expect(search.requests.map((r) => r.query)).toEqual([question]);
  });

  it('reports a prefetched search’s failure from the run, and only there', async () => {
    const search = new RecordingChunkSearch(async () => {
      throw new Error('vector store down');
    });
    const agent = agentWith(search, new DeterministicAgentDecisions());
    const question = 'How many vacation days do new employees get?';
    const prefetched = agent.prefetch(question, scope);
    await new Promise((resolve) => setImmediate(resolve)); // an unhandled rejection would surface here
    await expect(agent.answer(runOf(question, prefetched))).rejects.toThrow('vector store down');
  });

  it('stops waiting for a prefetched search when the run is aborted', async () => {
    const search = new RecordingChunkSearch(() => new Promise(() => undefined));
    const agent = agentWith(search, new DeterministicAgentDecisions());
    const question = 'How many vacation days do new employees get?';
    const abort = new AbortController();
    const answering = agent.answer(runOf(question, agent.prefetch(question, scope), abort.signal));
    abort.abort(new Error('stop requested'));
    await expect(answering).resolves.toMatchObject({ finishReason: 'stopped' });
  });

  it('prefetches nothing for small talk, which needs no documents', () => {
    const search = new RecordingChunkSearch(async () => LEAVE_CHUNKS);
    agentWith(search, new DeterministicAgentDecisions()).prefetch('Thanks a lot!', scope);
    expect(search.requests).toEqual([]);
  });

  it('prefetches nothing when only a model can plan the retrieval', () => {
    const search = new RecordingChunkSearch(async () => LEAVE_CHUNKS);
    const modelOnly: AgentDecisions = {
      route: async () => 'documents',
      plan: async () => ['rewritten'],
      evaluate: async () => ({ sufficient: true, onTopic: [], reason: '' }),
      refine: async () => 'again',
    };
    agentWith(search, modelOnly).prefetch('How many vacation days do I get?', scope);
    expect(search.requests).toEqual([]);
  });
});
