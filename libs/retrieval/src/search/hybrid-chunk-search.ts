import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { untilAborted } from '@app/kernel';
import { scopeKey, type AccessScope } from '../domain/access-scope';
import { fuseByReciprocalRank } from '../domain/reciprocal-rank-fusion';
import { newestGenerationOnly, type RetrievedChunk } from '../domain/retrieved-chunk';
import { FusionSettings } from './fusion-settings';
import { nearestReadableIds } from './nearest-readable-ids';
import { ChunkSearch, ChunkStore, FullTextLeg, SearchCache, VectorLeg, type SearchRequest, type StoredChunk } from './search.ports';

const DEFAULT_LIMIT = 8;
// Each leg fetches more than the final limit so fusion has overlap to reward.
const LEG_FACTOR = 3;

export function searchCacheKey(query: string, scope: AccessScope, limit: number): string {
  const normalized = query.replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256').update(JSON.stringify([normalized, scopeKey(scope), limit])).digest('base64url');
}

/** Full text and vectors, each kept to the scope inside its own leg, fused by weighted reciprocal rank. */
@Injectable()
export class HybridChunkSearch extends ChunkSearch {
  private readonly logger = new Logger(HybridChunkSearch.name);
  private readonly inFlight = new Map<string, Promise<RetrievedChunk[]>>();

  constructor(
    private readonly fullText: FullTextLeg,
    private readonly vectors: VectorLeg,
    private readonly store: ChunkStore,
    private readonly cache: SearchCache,
    private readonly fusion: FusionSettings,
  ) {
    super();
  }

  async search({ query, scope, limit = DEFAULT_LIMIT, signal }: SearchRequest): Promise<RetrievedChunk[]> {
    if (!query.trim()) return [];
    const key = searchCacheKey(query, scope, limit);
    return untilAborted(this.shared(key, () => this.lookUp(key, query, scope, limit)), signal);
  }

  /**
   * One search per key at a time: a caller asking for what is already being searched waits for
   * that answer (chat starts a question's search while it saves the question, and its agent asks
   * again). The entry stays until the cache holds the answer, so no caller falls between the two.
   * Shared work runs without any one caller's signal; each caller stops waiting on its own.
   */
  private shared(key: string, start: () => Promise<{ chunks: RetrievedChunk[]; cached: Promise<void> }>): Promise<RetrievedChunk[]> {
    const known = this.inFlight.get(key);
    if (known) return known;
    const started = start();
    const chunks = started.then(({ chunks }) => chunks);
    this.inFlight.set(key, chunks);
    void started.then(({ cached }) => cached, () => undefined).finally(() => this.inFlight.delete(key));
    return chunks;
  }

  private async lookUp(key: string, query: string, scope: AccessScope, limit: number) {
    const cached = await this.cache.lookup(key);
    if (cached.chunks) return { chunks: cached.chunks, cached: Promise.resolve() };
    const chunks = await this.ranked(query, scope, limit);
    const stored = this.cache.store(key, cached.corpusVersion, chunks).catch((error: unknown) => this.logger.warn({ err: error }, 'search cache write failed'));
    return { chunks, cached: stored };
  }

  private async ranked(query: string, scope: AccessScope, limit: number): Promise<RetrievedChunk[]> {
    const legLimit = limit * LEG_FACTOR;
    const [textHits, vectorIds] = await Promise.all([this.fullText.search(query, scope, legLimit), this.nearestReadableOrNone(query, scope, legLimit)]);
    const fused = fuseByReciprocalRank([textHits.map((c) => c.chunkId), vectorIds], {
      k: this.fusion.k,
      weights: [1, this.fusion.vectorWeight],
    }).slice(0, limit);
    const rows = new Map<string, StoredChunk>(textHits.map((chunk) => [chunk.chunkId, chunk]));
    // Only chunks the vectors alone found still need their rows: with the tuned weights, only when
    // full text finds fewer than the limit. One that stopped being readable since is left out.
    const vectorOnly = fused.map(({ id }) => id).filter((id) => !rows.has(id));
    for (const chunk of await this.store.findReadable(vectorOnly, scope)) rows.set(chunk.chunkId, chunk);
    const found = fused.flatMap(({ id, score }) => {
      const row = rows.get(id);
      return row ? [{ ...row, score }] : [];
    });
    return newestGenerationOnly(found);
  }

  // Without the vector store, full text still answers: a degraded answer beats none.
  private async nearestReadableOrNone(query: string, scope: AccessScope, limit: number): Promise<string[]> {
    try {
      return await nearestReadableIds(this.vectors, this.store, query, scope, limit);
    } catch (error) {
      this.logger.warn({ err: error }, 'vector search failed; answering from full text only');
      return [];
    }
  }
}

