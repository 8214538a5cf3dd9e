import { ToolMessage } from '@langchain/core/messages';
import { accessScopeOf, ChunkSearch } from '@app/retrieval';
import { RecordingChunkSearch } from '@app/testing/retrieval';
import { AnswerGenerationFailed } from '../domain/answer-generation-failed.error';
import { aChunk, LEAVE_CHUNKS, prompts, ScriptedToolCallingChatModel, type ScriptedTurn } from '../testing';
import type { AgentStatus, WebSearch } from './answer-graph.deps';
import { PrefetchedSearches } from './prefetched-searches';
import { ReactAnswerAgent } from './react-answer-agent';

const scope = accessScopeOf({ departmentIds: ['d1'] });
const searchFor = (query: string): ScriptedTurn => ({ toolCalls: [{ name: 'search_documents', args: { query } }] });

function run(
  agentDeps: { search?: ChunkSearch; script: ScriptedTurn[]; webSearch?: WebSearch },
  options: { history?: { role: 'user' | 'assistant'; content: string }[]; signal?: AbortSignal; onToken?: (text: string) => void } = {},
) {
  const search = agentDeps.search ?? new RecordingChunkSearch(async () => LEAVE_CHUNKS);
  const model = new ScriptedToolCallingChatModel(agentDeps.script);
  const agent = new ReactAnswerAgent({ search, chatModel: model, prompts, webSearch: agentDeps.webSearch });
  const statuses: AgentStatus[] = [];
  const tokens: string[] = [];
  const answering = agent.answer({
    question: 'How many vacation days do new employees get?',
    history: options.history ?? [],
    scope,
    signal: options.signal ?? new AbortController().signal,
    prefetched: PrefetchedSearches.none(),
    emit: (status) => statuses.push(status),
    onToken: (text) => {
      tokens.push(text);
      options.onToken?.(text);
    },
  });
  return { answering, model, search, statuses, tokens };
}

describe('ReactAnswerAgent', () => {
  it('searches through its tool in the reader’s scope, then streams a guarded answer citing what the tool returned', async () => {
    const search = new RecordingChunkSearch(async () => LEAVE_CHUNKS);
    const { answering, model, statuses, tokens } = run({ search, script: [searchFor('vacation days new employees'), { text: ['New employees get 25 days', ' [1]', '[9].'] }] });
    const result = await answering;

    expect(search.requests).toHaveLength(1);
    expect(search.requests[0]).toMatchObject({ query: 'vacation days new employees', scope });
    expect(model.calls.map((call) => call.tools)).toEqual([['search_documents'], ['search_documents']]);
    const toolResult = model.calls[1].messages.find((message) => ToolMessage.isInstance(message))!;
    expect(toolResult.content).toContain('<document n="1" file="leave.pdf" page="2">');
    expect(toolResult.content).toContain('<document n="3" file="faq.md">');

    expect(tokens.join('')).toBe('New employees get 25 days [1].');
    expect(result).toMatchObject({ answer: 'New employees get 25 days [1].', finishReason: 'stop' });
    expect(result.citations).toEqual([expect.objectContaining({ n: 1, chunkId: 'c1', fileId: 'f1' })]);
    expect(statuses.map((status) => status.step)).toEqual(['retrieving', 'generating']);
    expect(statuses[1].detail).toBe('3 sources');
  });

  it('numbers sources across its searches: a chunk found again keeps its number, a new one comes after', async () => {
    const later = aChunk('Part-time staff get leave in proportion.', { chunkId: 'c9', fileId: 'f9', filename: 'part-time.md' });
    const search = new RecordingChunkSearch(async ({ query }) => (query === 'first' ? LEAVE_CHUNKS.slice(0, 2) : [LEAVE_CHUNKS[1], later]));
    const { answering, model } = run({ search, script: [searchFor('first'), searchFor('second'), { text: ['Approved by the lead [2]; part-time pro rata [3].'] }] });
    const result = await answering;

    const secondResult = model.calls[2].messages.filter((message) => ToolMessage.isInstance(message)).at(-1)!;
    expect([...String(secondResult.content).matchAll(/<document n="(\d+)"/g)].map((m) => m[1])).toEqual(['2', '3']);
    expect(result.citations.map((citation) => [citation.n, citation.chunkId])).toEqual([
      [2, 'c2'],
      [3, 'c9'],
    ]);
  });

  it('gives the model the conversation’s earlier turns before the question, and no tools but the document search without web search', async () => {
    const { answering, model } = run(
      { script: [{ text: ['Hello!'] }] },
      {
        history: [
          { role: 'user', content: 'Earlier question' },
          { role: 'assistant', content: 'Earlier answer' },
        ],
      },
    );
    const result = await answering;
    expect(result).toMatchObject({ answer: 'Hello!', citations: [] });
    const [system, ...rest] = model.calls[0].messages;
    expect(system.getType()).toBe('system');
    expect(system.text).toContain('You have no web search');
    expect(rest.map((message) => [message.getType(), message.content])).toEqual([
      ['human', 'Earlier question'],
      ['ai', 'Earlier answer'],
      ['human', 'How many vacation days do new employees get?'],
    ]);
  });

  it('offers web search when it is configured, and cites its results with their URL', async () => {
    const webSearch: WebSearch = { search: async () => [{ title: 'Public page', url: 'https://example.org/leave', content: 'Statutory leave is 20 days.', score: 0.5 }] };
    const { answering, model, statuses } = run({ webSearch, script: [{ toolCalls: [{ name: 'search_web', args: { query: 'statutory leave' } }] }, { text: ['Statutory leave is 20 days [1].'] }] });
    const result = await answering;
    expect(model.calls[0].tools).toEqual(['search_documents', 'search_web']);
    expect(statuses[0]).toEqual({ step: 'web_search', detail: 'statutory leave' });
    expect(result.citations).toEqual([expect.objectContaining({ n: 1, url: 'https://example.org/leave', filename: 'Public page' })]);
  });

  it('ends with the search’s own failure instead of letting the model answer without documents', async () => {
    const down = new Error('vector store down');
    const search = new RecordingChunkSearch(async () => {
      throw down;
    });
    const { answering, model, tokens } = run({ search, script: [searchFor('vacation'), { text: ['I could not find it.'] }] });
    await expect(answering).rejects.toBe(down);
    expect(model.calls).toHaveLength(1);
    expect(tokens).toEqual([]);
  });

  it('reports a model failure as AnswerGenerationFailed', async () => {
    const { answering } = run({ script: [{ fail: new Error('upstream 500') }] });
    await expect(answering).rejects.toBeInstanceOf(AnswerGenerationFailed);
  });

  it('stops on abort with the part of the answer already streamed', async () => {
    const controller = new AbortController();
    const { answering } = run(
      { script: [searchFor('vacation'), { text: ['New', ' employees', ' get', ' 25', ' days.'] }] },
      { signal: controller.signal, onToken: (text) => text === ' employees' && controller.abort() },
    );
    const result = await answering;
    expect(result.finishReason).toBe('stopped');
    expect(result.answer).toBe('New employees');
  });

  it('sums the usage the model reported over its turns', async () => {
    const { answering } = run({ script: [searchFor('vacation'), { text: ['25 days [1].'], usage: { input: 120, output: 5 } }] });
    expect((await answering).usage).toEqual({ inputTokens: 120, outputTokens: 5, totalTokens: 125 });
  });

  it('ends an agent that keeps calling tools with a failure, not a hang', async () => {
    const script = Array.from({ length: 20 }, (_, i) => searchFor(`query ${i}`));
    const { answering, search } = run({ script });
    await expect(answering).rejects.toBeInstanceOf(AnswerGenerationFailed);
    expect((search as RecordingChunkSearch).requests.length).toBeLessThanOrEqual(4);
  });
});
