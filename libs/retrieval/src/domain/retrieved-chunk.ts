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
}
