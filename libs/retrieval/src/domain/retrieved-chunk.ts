/** One chunk that retrieval found for a query, already filtered by the caller's access scope. */
export interface RetrievedChunk {
  chunkId: string;
  fileId: string;
  filename: string;
  /** 1-based page for paged formats (PDF); null where pages do not exist. */
  page: number | null;
  /** Headings above the chunk, outermost first. */
  headingPath: string[];
  text: string;
  /** Higher is more relevant; comparable only within one result list. */
  score: number;
  /** The file's index generation the chunk belongs to; absent for what is not a document's chunk (a web result). */
  generation?: number;
}

/**
 * Results read at different moments (two legs of a search, or several searches of one answer)
 * could hold a file's old chunks and, after a reindex was published, its new ones. Generations
 * only move forward, so a file's newest generation seen is the one live now: the chunks of its
 * older ones are dropped. Order is kept.
 */
export function newestGenerationOnly<T extends RetrievedChunk>(chunks: T[]): T[] {
  const newest = new Map<string, number>();
  for (const { fileId, generation } of chunks) {
    if (generation !== undefined) newest.set(fileId, Math.max(generation, newest.get(fileId) ?? generation));
  }
  return chunks.filter((chunk) => chunk.generation === undefined || chunk.generation === newest.get(chunk.fileId));
}
