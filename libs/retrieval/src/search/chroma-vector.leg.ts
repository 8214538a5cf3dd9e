import { Injectable } from '@nestjs/common';
import { ChromaNotFoundError, type Where } from 'chromadb';
import { EmbeddingModel } from '@app/llm';
import type { AccessScope } from '../domain/access-scope';
import { ChromaVectorCollection } from '../indexing/chroma-vector-collection';
import { chromaWhereOf } from './chroma-where';
import { VectorLeg } from './search.ports';

/** Nearest neighbours in the collection ingestion fills; only ids come back, since metadata costs Chroma more than the search. */
@Injectable()
export class ChromaVectorLeg extends VectorLeg {
  constructor(
    private readonly vectors: ChromaVectorCollection,
    private readonly embeddings: EmbeddingModel,
  ) {
    super();
  }

  async nearest(query: string, limit: number, scope?: AccessScope): Promise<string[]> {
    const embedding = await this.embeddings.embedQuery(query);
    const where = scope ? (chromaWhereOf(scope) as Where) : undefined;
    try {
      return await this.vectors.nearest(embedding, limit, where);
    } catch (error) {
      if (!(error instanceof ChromaNotFoundError)) throw error;
      // Another process dropped and re-created the collection since we cached its handle.
      this.vectors.forget();
      return this.vectors.nearest(embedding, limit, where);
    }
  }
}
