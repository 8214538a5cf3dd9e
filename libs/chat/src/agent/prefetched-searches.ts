import type { RetrievedChunk } from '@app/retrieval';

/**
 * Searches started before the answer's run, so that they overlap saving the question; the run
 * takes each one instead of searching again. Each is handed out once: a later identical query
 * (a refinement that came back to it) searches afresh, through the cache.
 */
export class PrefetchedSearches {
  static none(): PrefetchedSearches {
    return new PrefetchedSearches(new Map());
  }

  static start(queries: readonly string[], search: (query: string) => Promise<RetrievedChunk[]>): PrefetchedSearches {
    const running = new Map<string, Promise<RetrievedChunk[]>>();
    for (const query of queries) {
      if (running.has(query)) continue;
      const searching = search(query);
      // One the run never takes must not become an unhandled rejection; the run sees its failure.
      searching.catch(() => undefined);
      running.set(query, searching);
    }
    return new PrefetchedSearches(running);
  }

  private constructor(private readonly running: Map<string, Promise<RetrievedChunk[]>>) {}

  /** The search already running for exactly this query, once; undefined otherwise. */
  take(query: string): Promise<RetrievedChunk[]> | undefined {
    const searching = this.running.get(query);
    this.running.delete(query);
    return searching;
  }

  get queries(): string[] {
    return [...this.running.keys()];
  }
}
