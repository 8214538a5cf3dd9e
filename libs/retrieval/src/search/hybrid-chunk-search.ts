import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { untilAborted } from '@app/kernel';
import { attachmentsOnlyOf, scopeKey, type AccessScope } from '../domain/access-scope';
import { fuseByReciprocalRank } from '../domain/reciprocal-rank-fusion';
import { newestGenerationOnly, type RetrievedChunk } from '../domain/retrieved-chunk';
import { FusionSettings } from './fusion-settings';
import { nearestReadableIds } from './nearest-readable-ids';
import { ChunkSearch, ChunkStore, FullTextLeg, SearchCache, VectorLeg, type SearchRequest, type StoredChunk } from './search.ports';

const DEFAULT_LIMIT = 8;
// Each leg fetches more than the final limit so fusion has overlap to reward.
const LEG_FACTOR = 3;

function searchCacheKey(query: string, scope: AccessScope, limit: number): string {
  const normalized = query.replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256')
    .update(JSON.stringify([normalized, scopeKey(scope), limit]))
    .digest('base64url');
}

/** Full text and vectors, each kept to the scope inside its own leg, fused by weighted reciprocal rank. */
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
    // The legs take no signal: a caller who stops waiting leaves the search to finish into the cache.
    return untilAborted(this.lookUp(query, scope, limit), signal);
  }

  private async lookUp(query: string, scope: AccessScope, limit: number): Promise<RetrievedChunk[]> {
    const key = searchCacheKey(query, scope, limit);
    const cached = await this.cache.lookup(key);
    if (cached.chunks) return cached.chunks;
    const chunks = await this.ranked(query, scope, limit);
    this.cache.store(key, cached.corpusVersion, chunks).catch((error: unknown) => this.logger.warn({ err: error }, 'search cache write failed'));
    return chunks;
  }

  /**
   * In a conversation, its attachments are ranked on their own as well, and that ranking is fused
   * ahead of the whole scope's: a question asked beside an attached file is answered from it
   * first, while the corpus still fills the places the attachment has nothing for.
   */
  private async ranked(query: string, scope: AccessScope, limit: number): Promise<RetrievedChunk[]> {
    const attachments = attachmentsOnlyOf(scope);
    if (!attachments) return this.rankedIn(query, scope, limit);
    const [attached, everything] = await Promise.all([this.rankedIn(query, attachments, limit), this.rankedIn(query, scope, limit)]);
    const rows = new Map<string, RetrievedChunk>([...everything, ...attached].map((chunk) => [chunk.chunkId, chunk]));
    const fused = fuseByReciprocalRank([attached.map((c) => c.chunkId), everything.map((c) => c.chunkId)], { k: this.fusion.k });
    return fused.slice(0, limit).map(({ id, score }) => ({ ...rows.get(id)!, score }));
  }

  private async rankedIn(query: string, scope: AccessScope, limit: number): Promise<RetrievedChunk[]> {
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
