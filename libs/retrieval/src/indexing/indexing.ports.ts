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

/** What autovacuum does for the search tables, done as soon as it is due instead of on its next round. */
export abstract class SearchTableMaintenance {
  /**
   * Analyzes each search table that changed by more than a tenth since its statistics were
   * gathered and, with `vacuum`, vacuums each with many rows added or dead since its last vacuum,
   * by autovacuum's default rules; a table another process is working on is skipped.
   */
  abstract catchUp(options: { vacuum: boolean }): Promise<{ vacuumed: string[]; analyzed: string[] }>;
}
