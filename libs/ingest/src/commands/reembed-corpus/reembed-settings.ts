/** Tunables of a re-embed, bound from configuration by the module. */
export abstract class ReembedSettings {
  /** About this many chunks are read, embedded and written at a time. */
  abstract readonly batchChunks: number;
  abstract readonly embeddingBatchSize: number;
  /** A pause after each batch, leaving the vector store and the embedding endpoint room for searches and uploads. */
  abstract readonly pauseMs: number;
}
