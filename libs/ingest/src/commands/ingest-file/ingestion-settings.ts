/** Tunables of one ingestion run, bound from configuration by the module. */
export abstract class IngestionSettings {
  abstract readonly timeoutMs: number;
  abstract readonly embeddingBatchSize: number;
}
