import type { ChunkVisibility, IndexedChunk, IndexedFile } from '../domain/indexed-chunk';

/**
 * The write side of the search index: chunk text in PostgreSQL (full text) and vectors in
 * Chroma, both keyed by the deterministic chunk id, so writing the same file twice overwrites.
 */
export abstract class ChunkIndex {
  /** Upserts these chunks and removes any the file had beyond them; then bumps the corpus version. */
  abstract replaceFileChunks(file: IndexedFile, chunks: IndexedChunk[]): Promise<void>;
  /** Removes every chunk and vector of the file; then bumps the corpus version. */
  abstract deleteFileChunks(fileId: string): Promise<void>;
  abstract countFileChunks(fileId: string): Promise<{ rows: number; vectors: number }>;
}

export type VectorSpaceCheck = { matches: true } | { matches: false; stored: { modelId: string; dimension: number } };

/** The vector collection and the embedding model it was built with. */
export abstract class VectorSpace {
  /** Creates the collection for the current model if missing; otherwise compares the model it was built with. */
  abstract check(): Promise<VectorSpaceCheck>;
  /** Drops every vector and recreates the collection for the current model (before a re-embed). */
  abstract reset(): Promise<void>;
}

/** A number that changes whenever the indexed corpus does; retrieval caches are keyed by it. */
export abstract class CorpusVersion {
  abstract bump(): Promise<number>;
  abstract current(): Promise<number>;
}

export type { ChunkVisibility };

/** The query planner's statistics over the search tables. */
export abstract class SearchStatistics {
  /**
   * Gathers them again for each search table that changed by more than a tenth since they were
   * last gathered, skipping a table another process is analyzing. Returns the tables analyzed.
   */
  abstract refreshIfStale(): Promise<string[]>;
}
