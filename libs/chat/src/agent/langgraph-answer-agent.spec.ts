import { accessScopeOf, ChunkSearch, type RetrievedChunk, type SearchRequest } from '@app/retrieval';
import { DeterministicAgentDecisions } from './deterministic-agent-decisions';
import { LEAVE_CHUNKS, prompts, RecordingChatModel } from './answer-graph.fixture';
import { LangGraphAnswerAgent } from './langgraph-answer-agent';
import type { AgentDecisions } from './answer-graph.deps';

class RecordingSearch extends ChunkSearch {
  readonly requests: SearchRequest[] = [];
  async search(request: SearchRequest): Promise<RetrievedChunk[]> {
    this.requests.push(request);
    return LEAVE_CHUNKS;
  }
}

const scope = accessScopeOf({ departmentIds: ['d1'] });
const agentWith = (search: ChunkSearch, decisions: AgentDecisions) =>
  new LangGraphAnswerAgent({ search, decisions, chatModel: new RecordingChatModel({ responses: ['ok'] }), prompts });

describe('LangGraphAnswerAgent', () => {
  it('starts searching, in the reader’s scope, for each query its plan will retrieve first', () => {
    const search = new RecordingSearch();
    agentWith(search, new DeterministicAgentDecisions()).anticipate('How many vacation days do I get? And who approves them?', scope);
    expect(search.requests.map((r) => r.query)).toEqual(['How many vacation days do I get?', 'And who approves them?']);
    expect(search.requests.every((r) => r.scope === scope)).toBe(true);
  });

  it('searches the same queries again when it answers, so a sharing search can pick the first up', async () => {
    const search = new RecordingSearch();
    const agent = agentWith(search, new DeterministicAgentDecisions());
    const question = 'How many vacation days do new employees get?';
    agent.anticipate(question, scope);
    await agent.answer({ question, history: [], scope, signal: new AbortController().signal, emit: () => undefined, onToken: () => undefined });
    expect(search.requests.map((r) => r.query)).toEqual([question, question]);
  });

  it('anticipates nothing for small talk, which needs no documents', () => {
    const search = new RecordingSearch();
    agentWith(search, new DeterministicAgentDecisions()).anticipate('Thanks a lot!', scope);
    expect(search.requests).toEqual([]);
  });

  it('anticipates nothing when only a model can plan the retrieval', () => {
    const search = new RecordingSearch();
    const modelOnly: AgentDecisions = {
      route: async () => 'documents',
      plan: async () => ['rewritten'],
      evaluate: async () => ({ sufficient: true, onTopic: [], reason: '' }),
      refine: async () => 'again',
    };
    agentWith(search, modelOnly).anticipate('How many vacation days do I get?', scope);
    expect(search.requests).toEqual([]);
  });
});
