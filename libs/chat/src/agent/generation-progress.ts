import { cleanDocumentText } from '@app/kernel';
import type { RetrievedChunk } from '@app/retrieval';
import { CitationGuard } from '../domain/citation-guard';
import type { AnswerResult, Citation } from './answer-graph.deps';

const SNIPPET_LENGTH = 240;

// Snippets are plain text (docs/api-notes.md); chunks indexed before ingestion cleaned its text
// may still carry markup or markers, so they are cleaned here as the prompt fence cleans them.
function citationOf(chunk: RetrievedChunk, n: number, fromWeb: boolean): Citation {
  const text = cleanDocumentText(chunk.text).replace(/\s+/g, ' ').trim();
  const snippet = text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH - 1)}…` : text;
  const citation: Citation = { n, fileId: chunk.fileId, filename: chunk.filename, chunkId: chunk.chunkId, page: chunk.page, score: chunk.score, snippet };
  return fromWeb ? { ...citation, url: chunk.fileId } : citation;
}

/**
 * The answer as it has been streamed so far. It lives outside the graph state because a stop
 * request aborts the generate node before it can return, and the partial answer must survive.
 */
export class GenerationProgress {
  private guard = new CitationGuard(0);
  private sources: RetrievedChunk[] = [];
  private webChunkIds = new Set<string>();
  private text = '';

  start(sources: readonly RetrievedChunk[], webChunkIds: ReadonlySet<string>): void {
    this.guard = new CitationGuard(sources.length);
    this.sources = [...sources];
    this.webChunkIds = new Set(webChunkIds);
    this.text = '';
  }

  /**
   * Adds sources found after the start (the ReAct agent finds them one tool call at a time),
   * numbered after those already held; a chunk held already keeps its number. Returns each
   * chunk's number, the `[n]` the model must cite it by.
   */
  addSources(chunks: readonly RetrievedChunk[], fromWeb: boolean): number[] {
    const numbers = chunks.map((chunk) => {
      const known = this.sources.findIndex((source) => source.chunkId === chunk.chunkId);
      if (known >= 0) return known + 1;
      this.sources.push(chunk);
      if (fromWeb) this.webChunkIds.add(chunk.chunkId);
      return this.sources.length;
    });
    this.guard.allowUpTo(this.sources.length);
    return numbers;
  }

  get sourceCount(): number {
    return this.sources.length;
  }

  /** Passes model text through the citation guard; returns what may be shown now. */
  accept(modelText: string): string {
    const safe = this.guard.push(modelText);
    this.text += safe;
    return safe;
  }

  finish(): string {
    const rest = this.guard.flush();
    this.text += rest;
    return rest;
  }

  resultWith(finishReason: AnswerResult['finishReason'], usage?: AnswerResult['usage']): AnswerResult {
    const citations = this.guard.citedNumbers().map((n) => citationOf(this.sources[n - 1], n, this.webChunkIds.has(this.sources[n - 1].chunkId)));
    return usage ? { answer: this.text, citations, finishReason, usage } : { answer: this.text, citations, finishReason };
  }
}
