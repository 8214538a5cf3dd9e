import { Injectable } from '@nestjs/common';
import { ChromaNotFoundError, type Where } from 'chromadb';
import { EmbeddingModel } from '@app/llm';
import { AppConfig } from '@app/platform';
import type { AccessScope } from '../domain/access-scope';
import { ChromaVectorCollection } from '../indexing/chroma-vector-collection';
import { ChromaQueryEndpoint } from './chroma-query-endpoint';
import { chromaWhereOf } from './chroma-where';
import { VectorLeg, type VectorHit } from './search.ports';

/** Nearest neighbours in the collection ingestion fills; only distances come back, since metadata costs Chroma more than the search. */
@Injectable()
export class ChromaVectorLeg extends VectorLeg {
  private readonly endpoint: ChromaQueryEndpoint;

  constructor(
    private readonly vectors: ChromaVectorCollection,
    private readonly embeddings: EmbeddingModel,
    config: AppConfig,
  ) {
    super();
    this.endpoint = new ChromaQueryEndpoint(new URL(config.get('CHROMA_URL')));
  }

  async nearest(query: string, limit: number, scope?: AccessScope): Promise<VectorHit[]> {
    const embedding = await this.embeddings.embedQuery(query);
    const where = scope ? (chromaWhereOf(scope) as Where) : undefined;
    try {
      return await this.query(embedding, limit, where);
    } catch (error) {
      if (!(error instanceof ChromaNotFoundError)) throw error;
      // Another process dropped and re-created the collection since we cached its handle.
      this.vectors.forget();
      return this.query(embedding, limit, where);
    }
  }

  private async query(embedding: number[], nResults: number, where: Where | undefined): Promise<VectorHit[]> {
    const { ids, distances } = await this.endpoint.nearest(await this.vectors.open(), embedding, nResults, where);
    return ids.map((chunkId, index) => ({ chunkId, similarity: 1 - (distances[index] ?? 1) }));
  }
}
