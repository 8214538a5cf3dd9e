import { Injectable } from '@nestjs/common';
import { ChromaNotFoundError, type Metadata, type Where } from 'chromadb';
import { EmbeddingModel } from '@app/llm';
import { isFiltered, scopeAdmits, type AccessScope } from '../domain/access-scope';
import { ChromaVectorCollection } from '../indexing/chroma-vector-collection';
import { chromaWhereOf } from './chroma-where';
import { VectorLeg, type VectorHit } from './search.ports';

// How many neighbours the unfiltered first try asks for, per neighbour wanted.
const UNFILTERED_OVERFETCH = 2;

/**
 * Nearest neighbours in the collection ingestion fills, among the chunks the scope admits.
 *
 * Chroma 1.0 materialises every match of a metadata filter before it searches: ~50 ms for an
 * 11k-chunk collection against ~5 ms unfiltered. When a reader may see most of the collection,
 * the nearest readable chunks are among the first unfiltered neighbours, so the leg asks for
 * twice the limit unfiltered and applies the same rule to their metadata. Only if fewer than
 * `limit` of them pass does it run the filtered query. Either way the answer is the filtered
 * query's: the k nearest readable chunks are the first k readable ones of the full ranking.
 */
@Injectable()
export class ChromaVectorLeg extends VectorLeg {
  constructor(
    private readonly vectors: ChromaVectorCollection,
    private readonly embeddings: EmbeddingModel,
  ) {
    super();
  }

  async search(query: string, scope: AccessScope, limit: number): Promise<VectorHit[]> {
    const embedding = await this.embeddings.embedQuery(query);
    try {
      return await this.nearestAdmitted(embedding, scope, limit);
    } catch (error) {
      if (!(error instanceof ChromaNotFoundError)) throw error;
      // Another process dropped and re-created the collection since we cached its handle.
      this.vectors.forget();
      return this.nearestAdmitted(embedding, scope, limit);
    }
  }

  private async nearestAdmitted(embedding: number[], scope: AccessScope, limit: number): Promise<VectorHit[]> {
    if (!isFiltered(scope)) {
      const wanted = limit * UNFILTERED_OVERFETCH;
      const { hits, metadatas } = await this.query(embedding, { nResults: wanted, include: ['distances', 'metadatas'] });
      const admitted = hits.filter((_, index) => isAdmitted(scope, metadatas[index]));
      // Fewer neighbours than asked for means the collection ran out: every readable chunk is here.
      if (admitted.length >= limit || hits.length < wanted) return admitted.slice(0, limit);
    }
    return (await this.query(embedding, { nResults: limit, where: chromaWhereOf(scope) as Where, include: ['distances'] })).hits;
  }

  private async query(embedding: number[], request: { nResults: number; where?: Where; include: Array<'distances' | 'metadatas'> }) {
    const collection = await this.vectors.open();
    const result = await collection.query({ queryEmbeddings: [embedding], ...request });
    const distances = result.distances[0] ?? [];
    const hits: VectorHit[] = (result.ids[0] ?? []).map((chunkId, index) => ({ chunkId, similarity: 1 - (distances[index] ?? 1) }));
    return { hits, metadatas: result.metadatas[0] ?? [] };
  }
}

function isAdmitted(scope: AccessScope, metadata: Metadata | null | undefined): boolean {
  const { fileId, departmentId, visibility } = metadata ?? {};
  return typeof fileId === 'string' && typeof departmentId === 'string' && typeof visibility === 'string' && scopeAdmits(scope, { fileId, departmentId, visibility });
}
