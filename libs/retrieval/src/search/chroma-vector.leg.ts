import { Injectable } from '@nestjs/common';
import { ChromaNotFoundError, type Where } from 'chromadb';
import { EmbeddingModel } from '@app/llm';
import type { AccessScope } from '../domain/access-scope';
import { ChromaVectorCollection } from '../indexing/chroma-vector-collection';
import { chromaWhereOf } from './chroma-where';
import { VectorLeg, type VectorHit } from './search.ports';

/** Nearest neighbours in the collection ingestion fills, filtered by the access rule inside the query. */
@Injectable()
export class ChromaVectorLeg extends VectorLeg {
  constructor(
    private readonly vectors: ChromaVectorCollection,
    private readonly embeddings: EmbeddingModel,
  ) {
    super();
  }

  async search(query: string, scope: AccessScope, limit: number, signal?: AbortSignal): Promise<VectorHit[]> {
    const embedding = await this.embeddings.embedQuery(query);
    signal?.throwIfAborted();
    try {
      return await this.query(embedding, scope, limit);
    } catch (error) {
      if (!(error instanceof ChromaNotFoundError)) throw error;
      // Another process dropped and re-created the collection since we cached its handle.
      this.vectors.forget();
      return this.query(embedding, scope, limit);
    }
  }

  private async query(embedding: number[], scope: AccessScope, limit: number): Promise<VectorHit[]> {
    const collection = await this.vectors.open();
    const result = await collection.query({
      queryEmbeddings: [embedding],
      nResults: limit,
      where: chromaWhereOf(scope) as Where,
      include: ['distances'],
    });
    const ids = result.ids[0] ?? [];
    const distances = result.distances[0] ?? [];
    return ids.map((chunkId, index) => ({ chunkId, similarity: 1 - (distances[index] ?? 1) }));
  }
}
