/** Turns texts into vectors of a fixed dimension; the same text always gives the same vector. */
export abstract class EmbeddingModel {
  /** Names the model and its settings; a change means the corpus must be re-embedded. */
  abstract readonly modelId: string;
  abstract readonly dimension: number;
  abstract embedDocuments(texts: string[]): Promise<number[][]>;
  abstract embedQuery(text: string): Promise<number[]>;
}
