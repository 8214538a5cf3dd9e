import type { IndexedChunk, IndexedFile } from '../domain/indexed-chunk';
import type { VectorBuildStatus, VectorSpaceInfo } from '../domain/vector-space';

/** A generation's vectors by vector space id, in the order of its chunks. */
export type SpaceVectors = ReadonlyMap<string, readonly number[][]>;

export type PublishOutcome =
  /** The generation is the file's live one (now, or already by another run of the same job). */
  | { status: 'published' }
  /** Not published: the file is gone, or a newer generation is live. */
  | { status: 'superseded' }
  /** Not published: a space is live or building that these vectors were not written to. */
  | { status: 'spaces_changed'; missing: VectorSpaceInfo[] };

/**
 * The write side of the search index: chunk text in PostgreSQL (full text) and vectors in
 * Chroma, both keyed by the deterministic chunk id. Each ingestion of a file writes a new
 * generation beside the one search serves, then publishes it: search switches from the old
 * chunks to the new ones at once, in both legs, and the old ones are purged after.
 */
export abstract class ChunkIndex {
  /** The spaces a new generation goes to: the live one and any being built, each with its model. Possibly stale; publishing says so. */
  abstract targets(): Promise<VectorSpaceInfo[]>;
  /**
   * Upserts the generation's chunk rows (unless `rows` is false: only more vectors) and its
   * vectors into the given spaces, and trims chunks past this count left by an earlier attempt.
   * Search ignores all of it until it is published. Returns the ids of the spaces written;
   * a space dropped meanwhile is left out.
   */
  abstract writeGeneration(file: IndexedFile, generation: number, chunks: IndexedChunk[], vectors: SpaceVectors, options?: { rows?: boolean }): Promise<string[]>;
  /**
   * Makes the generation the file's live one, in one statement, provided its vectors are in
   * every space that is live or building; then bumps the corpus version and purges the file's
   * older generations.
   */
  abstract publishGeneration(fileId: string, generation: number, spaceIds: readonly string[], chunkCount: number): Promise<PublishOutcome>;
  /** Removes a generation that never went live (a reindex that failed for good): its rows and vectors. */
  abstract discardGeneration(fileId: string, generation: number): Promise<void>;
  /** Removes every chunk and vector of the file; then bumps the corpus version. */
  abstract deleteFileChunks(fileId: string): Promise<void>;
  /** Chunk rows of every generation, and vectors in the live space. */
  abstract countFileChunks(fileId: string): Promise<{ rows: number; vectors: number }>;
}

/**
 * The registry of vector spaces in PostgreSQL, the authority every process reads: the live one
 * answers searches; a re-embed builds another beside it and switches in one transaction.
 */
export abstract class VectorSpaces {
  /** The space searches read; the collection that existed before spaces were recorded is adopted on first use. */
  abstract live(): Promise<VectorSpaceInfo>;
  /** The live space and the one being built, if any, read afresh. */
  abstract active(): Promise<VectorSpaceInfo[]>;
  abstract find(id: string): Promise<VectorSpaceInfo | null>;
  /** A new space for this model, with its collection created, or null when one is being built already. */
  abstract startBuilding(model: { modelId: string; dimension: number }): Promise<VectorSpaceInfo | null>;
  /** The latest re-embed, running or finished; null when none ever ran. */
  abstract buildStatus(): Promise<VectorBuildStatus | null>;
  /**
   * Makes the space live if it holds every live file's live generation, in one transaction that
   * holds file changes off meanwhile, retiring the old one and bumping the corpus version.
   */
  abstract complete(spaceId: string): Promise<'switched' | 'incomplete' | 'not_building'>;
  /** Ends a build that cannot finish: the live space stays; the new one's collection goes. */
  abstract fail(spaceId: string, failure: { code: string; message: string }): Promise<void>;
  /** Drops the collections of retired and failed spaces; returns their names. */
  abstract dropUnused(): Promise<string[]>;
}

/** A file's live generation, to copy into a space being built, with the chunks to embed. */
export interface BackfillFile {
  file: IndexedFile;
  generation: number;
  chunks: IndexedChunk[];
}

/** Fills a space being built from the chunks already in PostgreSQL: no parsing again. */
export abstract class VectorBackfill {
  /** The next files (by id, after `afterFileId`) whose live generation the space lacks, up to about `maxChunks` chunks (at least one file). */
  abstract pending(spaceId: string, afterFileId: string | null, maxChunks: number): Promise<BackfillFile[]>;
  /**
   * Writes their vectors into the space and records them as held there, leaving out (and
   * removing again) those whose file was deleted or reindexed meanwhile; updates the progress.
   */
  abstract store(space: VectorSpaceInfo, files: BackfillFile[], vectors: ReadonlyArray<readonly number[][]>): Promise<void>;
}

/** A number that changes whenever the indexed corpus does; retrieval caches are keyed by it. */
export abstract class CorpusVersion {
  abstract bump(): Promise<number>;
  abstract current(): Promise<number>;
}

/** What autovacuum does for the search tables, done as soon as it is due instead of on its next round. */
export abstract class SearchTableMaintenance {
  /**
   * Analyzes each search table that changed by more than a tenth since its statistics were
   * gathered and, with `vacuum`, vacuums each with many rows added or dead since its last vacuum,
   * by autovacuum's default rules; a table another process is working on is skipped.
   */
  abstract catchUp(options: { vacuum: boolean }): Promise<{ vacuumed: string[]; analyzed: string[] }>;
}
