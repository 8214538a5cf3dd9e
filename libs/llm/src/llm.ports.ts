/** Turns texts into vectors of a fixed dimension; the same text always gives the same vector. */
export abstract class EmbeddingModel {
  /** Names the model and its settings; a change means the corpus must be re-embedded. */
  abstract readonly modelId: string;
  abstract readonly dimension: number;
  abstract embedDocuments(texts: string[]): Promise<number[][]>;
  abstract embedQuery(text: string): Promise<number[]>;
}

/**
 * Every embedding model this process can run, by model id. Vectors are only comparable within
 * one model, so a search embeds its query with the model of the collection it searches, and a
 * re-embed fills a new collection with that collection's model, whichever model this process
 * is configured with (during a switch, processes of both configurations run side by side).
 */
export abstract class EmbeddingModels {
  /** The configured model: the one a re-embed started from this process builds. */
  abstract readonly configured: EmbeddingModel;
  /** The model with this id; throws UnknownEmbeddingModel when this process cannot run it. */
  abstract forModelId(modelId: string): EmbeddingModel;
}

export class UnknownEmbeddingModel extends Error {
  constructor(readonly modelId: string) {
    super(`This process cannot compute embeddings of "${modelId}"`);
    this.name = 'UnknownEmbeddingModel';
  }
}
