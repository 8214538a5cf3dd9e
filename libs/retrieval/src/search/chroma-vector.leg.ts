import { Injectable } from '@nestjs/common';
import type { Where } from 'chromadb';
import { EmbeddingModels } from '@app/llm';
import type { AccessScope } from '../domain/access-scope';
import type { VectorSpaceInfo } from '../domain/vector-space';
import { ChromaCollections, isNotFound } from '../indexing/chroma-collections';
import { VectorSpaces } from '../indexing/indexing.ports';
import { chromaWhereOf } from './chroma-where';
import { VectorLeg, type VectorQuery } from './search.ports';

/**
 * Nearest neighbours in the live vector space, which PostgreSQL names for every process at
 * each search (so a re-embed's switch reaches every API process at its next search). The query
 * is embedded by that space's model, whichever model this process is configured with. Only ids
 * come back, since metadata costs Chroma more than the search.
 */
@Injectable()
export class ChromaVectorLeg extends VectorLeg {
  constructor(
    private readonly spaces: VectorSpaces,
    private readonly chroma: ChromaCollections,
    private readonly models: EmbeddingModels,
  ) {
    super();
  }

  async prepare(query: string): Promise<VectorQuery> {
    let target = await this.embedded(query, await this.spaces.live());
    return {
      nearest: async (limit: number, scope?: AccessScope) => {
        const where = scope ? (chromaWhereOf(scope) as Where) : undefined;
        try {
          return await this.chroma.nearest(target.space.collection, target.embedding, limit, where);
        } catch (error) {
          if (!isNotFound(error)) throw error;
          // A re-embed switched spaces and dropped the old one since this search read it.
          target = await this.embedded(query, await this.spaces.live());
          return this.chroma.nearest(target.space.collection, target.embedding, limit, where);
        }
      },
    };
  }

  private async embedded(query: string, space: VectorSpaceInfo) {
    return { space, embedding: await this.models.forModelId(space.modelId).embedQuery(query) };
  }
}
