import { tool } from 'langchain';
import { z } from 'zod';
import { fenceDocuments } from '@app/llm';
import type { RetrievedChunk } from '@app/retrieval';
import type { AgentStatus, WebSearch } from './answer-graph.deps';
import type { GenerationProgress } from './generation-progress';

const SEARCH_DOCUMENTS = 'search_documents';
const SEARCH_WEB = 'search_web';

export interface ReactToolDeps {
  /** Searches only what the caller may read; the tool never sees or widens the scope. */
  retrieve(query: string, signal?: AbortSignal): Promise<RetrievedChunk[]>;
  webSearch?: WebSearch;
  /** Numbers what the tools found, so the answer's `[n]` markers name them. */
  progress: GenerationProgress;
  emit(status: AgentStatus): void;
  /**
   * A search that failed ends the answer with that failure, as in the pipeline: left to the tool
   * node, the model would read the error and answer as if the documents held nothing.
   */
  fail(error: unknown): never;
  /** Most chunks one search hands the model; default 6. */
  maxChunksPerSearch?: number;
}

function webChunkOf(result: { title: string; url: string; content: string; score: number }): RetrievedChunk {
  return { chunkId: result.url, fileId: result.url, filename: result.title, page: null, headingPath: [], text: result.content, score: result.score };
}

/** What a tool hands the model: its results fenced and numbered across the whole answer. */
function fencedResults(chunks: RetrievedChunk[], numbers: number[]): string {
  if (chunks.length === 0) return 'No results.';
  return fenceDocuments(chunks.map((chunk, index) => ({ ...chunk, n: numbers[index] })));
}

const querySchema = z.object({ query: z.string().min(1).max(500).describe('What to search for, in a few words or a question') });

/** The ReAct agent's tools for one answer: built per answer, since `retrieve` carries the caller's scope. */
export function reactAnswerTools(deps: ReactToolDeps) {
  const maxChunks = deps.maxChunksPerSearch ?? 6;
  const searchDocuments = tool(
    async ({ query }, config) => {
      deps.emit({ step: 'retrieving', detail: `"${query}"` });
      const chunks = await deps.retrieve(query, config?.signal).catch((error: unknown) => deps.fail(error));
      const found = chunks.slice(0, maxChunks);
      return fencedResults(found, deps.progress.addSources(found, false));
    },
    {
      name: SEARCH_DOCUMENTS,
      description: "Searches the organisation's documents the user may read. Returns numbered passages to cite as [n].",
      schema: querySchema,
    },
  );
  const webSearch = deps.webSearch;
  if (!webSearch) return [searchDocuments];
  const searchWeb = tool(
    async ({ query }, config) => {
      deps.emit({ step: 'web_search', detail: query });
      const results = await webSearch.search(query, config?.signal).catch((error: unknown) => deps.fail(error));
      const found = results.slice(0, maxChunks).map(webChunkOf);
      return fencedResults(found, deps.progress.addSources(found, true));
    },
    {
      name: SEARCH_WEB,
      description: 'Searches the public web, for questions the documents cannot answer (news, public facts). Returns numbered results to cite as [n].',
      schema: querySchema,
    },
  );
  return [searchDocuments, searchWeb];
}
