import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { scopeKey, type AccessScope } from '../domain/access-scope';
import { fuseByReciprocalRank } from '../domain/reciprocal-rank-fusion';
import type { RetrievedChunk } from '../domain/retrieved-chunk';
import { FusionSettings } from './fusion-settings';
import { ChunkSearch, ChunkStore, FullTextLeg, SearchCache, VectorLeg, type SearchRequest } from './search.ports';

const DEFAULT_LIMIT = 8;
// Each leg fetches more than the final limit so fusion has overlap to reward.
const LEG_FACTOR = 3;

export function searchCacheKey(query: string, scope: AccessScope, limit: number): string {
  const normalized = query.replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256').update(JSON.stringify([normalized, scopeKey(scope), limit])).digest('base64url');
}

/** Full text and vectors, each filtered by the scope inside its own query, fused by weighted reciprocal rank. */
@Injectable()
export class HybridChunkSearch extends ChunkSearch {
  private readonly logger = new Logger(HybridChunkSearch.name);

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
    const cached = await this.cache.lookup(key);
    if (cached.chunks) return cached.chunks;

    const legLimit = limit * LEG_FACTOR;
    const [textHits, vectorHits] = await Promise.all([
      this.fullText.search(query, scope, legLimit),
      this.vectorHitsOrNone(query, scope, legLimit, signal),
    ]);
    const fused = fuseByReciprocalRank([textHits.map((c) => c.chunkId), vectorHits.map((h) => h.chunkId)], {
      k: this.fusion.k,
      weights: [1, this.fusion.vectorWeight],
    });

    const rows = new Map(textHits.map((chunk) => [chunk.chunkId, chunk]));
    const missing = fused.map((f) => f.id).filter((id) => !rows.has(id));
    for (const chunk of await this.store.findReadable(missing, scope)) rows.set(chunk.chunkId, chunk);

    // A vector hit the store does not return (deleted, not ready, out of scope) is dropped here.
    const chunks = fused
      .flatMap(({ id, score }) => {
        const row = rows.get(id);
        return row ? [{ ...row, score }] : [];
      })
      .slice(0, limit);
    this.cache.store(key, cached.corpusVersion, chunks).catch((error: unknown) => this.logger.warn({ err: error }, 'search cache write failed'));
    return chunks;
  }

  // Without the vector store, full text still answers: a degraded answer beats none.
  private async vectorHitsOrNone(query: string, scope: AccessScope, limit: number, signal?: AbortSignal) {
    try {
      return await this.vectors.search(query, scope, limit, signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      this.logger.warn({ err: error }, 'vector search failed; answering from full text only');
      return [];
    }
  }
}
