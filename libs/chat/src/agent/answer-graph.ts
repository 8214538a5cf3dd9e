import { Annotation, END, START, StateGraph, type Runtime } from '@langchain/langgraph';
import { fuseByReciprocalRank, newestGenerationOnly, type RetrievedChunk } from '@app/retrieval';
import type { AnswerGraphDeps, AnswerRequest, AnswerResult } from './answer-graph.deps';
import { AnswerState, type AnswerGraphState, type AnswerGraphUpdate } from './answer-graph.state';
import { generateAnswer } from './generate-answer.node';
import { GenerationProgress } from './generation-progress';

export interface AnswerGraph {
  /**
   * Runs the agent for one question. Resolves with finishReason 'stopped' (and the partial,
   * guarded answer) when `request.signal` aborts; rejects with AnswerGenerationFailed when the
   * chat model fails, and with the original error when retrieval or web search fails.
   */
  answer(request: AnswerRequest): Promise<AnswerResult>;
}

// Retrieval lists from several queries are fused by rank: their scores are not comparable. A
// reindex published between two of them leaves one file in two generations: the newer stays.
function fuse(lists: RetrievedChunk[][]): RetrievedChunk[] {
  const byId = new Map<string, RetrievedChunk>();
  for (const chunk of lists.flat()) {
    const known = byId.get(chunk.chunkId);
    if (!known || chunk.score > known.score) byId.set(chunk.chunkId, chunk);
  }
  const fused = fuseByReciprocalRank(lists.map((list) => list.map((chunk) => chunk.chunkId)));
  return newestGenerationOnly(fused.map(({ id }) => byId.get(id)!));
}

function webChunkOf(result: { title: string; url: string; content: string; score: number }): RetrievedChunk {
  return { chunkId: result.url, fileId: result.url, filename: result.title, page: null, headingPath: [], text: result.content, score: result.score };
}

function quoted(queries: string[]): string {
  return queries.map((query) => `"${query}"`).join(', ');
}

// Per-run objects that must outlive an aborted node, so they travel as run context, not state.
const AnswerContextSchema = Annotation.Root({ progress: Annotation<GenerationProgress>() });
type AnswerContext = typeof AnswerContextSchema.State;

export function buildAnswerGraph(deps: AnswerGraphDeps): AnswerGraph {
  const maxRefinements = deps.maxRefinements ?? 2;
  const webSearch = deps.webSearch;
  type Config = Runtime<AnswerContext>;

  const graph = new StateGraph(AnswerState, AnswerContextSchema)
    .addNode('route', async (state: AnswerGraphState, config: Config): Promise<AnswerGraphUpdate> => {
      deps.emit({ step: 'routing' });
      const route = await deps.decisions.route(state.question, config.signal);
      return { destination: route === 'web' && !webSearch ? 'documents' : route };
    })
    .addNode('plan', async (state: AnswerGraphState, config: Config): Promise<AnswerGraphUpdate> => {
      deps.emit({ step: 'planning' });
      const queries = await deps.decisions.plan(state.question, config.signal);
      return { queries: queries.length > 0 ? queries : [state.question] };
    })
    .addNode('retrieve', async (state: AnswerGraphState, config: Config): Promise<AnswerGraphUpdate> => {
      deps.emit({ step: 'retrieving', detail: quoted(state.queries) });
      const lists = await Promise.all(state.queries.map((query) => deps.retrieve(query, config.signal)));
      return { chunks: fuse(state.chunks.length > 0 ? [state.chunks, ...lists] : lists) };
    })
    .addNode('evaluate', async (state: AnswerGraphState, config: Config): Promise<AnswerGraphUpdate> => {
      const evaluation = await deps.decisions.evaluate(state.question, state.chunks, config.signal);
      deps.emit({ step: 'evaluating', detail: evaluation.reason });
      const known = new Set(state.onTopic.map((chunk) => chunk.chunkId));
      const stalled = state.refinements > 0 && evaluation.onTopic.every((chunk) => known.has(chunk.chunkId));
      return { sufficient: evaluation.sufficient, onTopic: evaluation.onTopic, stalled };
    })
    .addNode('refine', async (state: AnswerGraphState, config: Config): Promise<AnswerGraphUpdate> => {
      const attempt = state.refinements + 1;
      const query = await deps.decisions.refine(state.question, attempt, state.chunks, config.signal);
      deps.emit({ step: 'refining', detail: query });
      return { queries: [query], refinements: attempt };
    })
    .addNode('web_search', async (state: AnswerGraphState, config: Config): Promise<AnswerGraphUpdate> => {
      deps.emit({ step: 'web_search', detail: state.question });
      const results = (await webSearch?.search(state.question, config.signal)) ?? [];
      return { webResults: results.map(webChunkOf) };
    })
    .addNode('generate', async (state: AnswerGraphState, config: Config): Promise<AnswerGraphUpdate> => generateAnswer(deps, state, config.context!.progress, config.signal))
    .addEdge(START, 'route')
    .addConditionalEdges('route', (state: AnswerGraphState) => (state.destination === 'none' ? 'generate' : state.destination === 'web' ? 'web_search' : 'plan'))
    .addEdge('plan', 'retrieve')
    .addEdge('retrieve', 'evaluate')
    .addConditionalEdges('evaluate', (state: AnswerGraphState) => {
      if (state.sufficient) return 'generate';
      // A rewrite that reached nothing new on the question suggests the documents hold no more
      // of it; another rewrite would mostly cost the reader a search round's wait.
      if (state.refinements < maxRefinements && !state.stalled) return 'refine';
      return webSearch ? 'web_search' : 'generate';
    })
    .addEdge('refine', 'retrieve')
    .addEdge('web_search', 'generate')
    .addEdge('generate', END)
    .compile();

  return {
    async answer({ question, history = [], signal }: AnswerRequest): Promise<AnswerResult> {
      const progress = new GenerationProgress();
      try {
        const final = await graph.invoke({ question, history }, { signal, context: { progress }, recursionLimit: 12 + 3 * maxRefinements });
        // Some models end their stream quietly on abort instead of throwing.
        if (signal?.aborted) return progress.resultWith('stopped');
        return final.result ?? progress.resultWith('stop');
      } catch (error) {
        if (signal?.aborted) return progress.resultWith('stopped');
        throw error;
      }
    },
  };
}
