import type { AccessScope } from '../domain/access-scope';
import type { RetrievedChunk } from '../domain/retrieved-chunk';

export interface SearchRequest {
  query: string;
  scope: AccessScope;
  /** Most chunks to return; default 8. */
  limit?: number;
  signal?: AbortSignal;
}

/** Hybrid search over what the scope allows; the one retrieval port other modules use. */
export abstract class ChunkSearch {
  abstract search(request: SearchRequest): Promise<RetrievedChunk[]>;
}

/** A chunk as the legs read it from the index: always with its generation. */
export interface StoredChunk extends RetrievedChunk {
  generation: number;
}

/** Ranked full-text matches inside the scope, best first. */
export abstract class FullTextLeg {
  abstract search(query: string, scope: AccessScope, limit: number): Promise<StoredChunk[]>;
}

/** The chunks whose vectors are nearest the query's, by id, nearest first. */
export abstract class VectorLeg {
  /** The query embedded for the vector space searches read now, ready for as many rankings as needed. */
  abstract prepare(query: string): Promise<VectorQuery>;
}

export interface VectorQuery {
  /** Among every chunk, or with a scope only among those whose indexed metadata the scope admits. */
  nearest(limit: number, scope?: AccessScope): Promise<string[]>;
}

/** Chunks by id, only those the scope may read and of their file's live generation, in no particular order. */
export abstract class ChunkStore {
  /** Their rows. */
  abstract findReadable(chunkIds: readonly string[], scope: AccessScope): Promise<StoredChunk[]>;
  /** Only their ids: the access check without the rows' text. */
  abstract readableIds(chunkIds: readonly string[], scope: AccessScope): Promise<string[]>;
}

export interface CachedSearch {
  chunks: RetrievedChunk[] | null;
  /** The corpus version the lookup saw; store under it so a later ingest makes the entry stale. */
  corpusVersion: string;
}

export abstract class SearchCache {
  abstract lookup(key: string): Promise<CachedSearch>;
  abstract store(key: string, corpusVersion: string, chunks: RetrievedChunk[]): Promise<void>;
}
