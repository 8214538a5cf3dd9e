/** Tunables of one ingestion run, bound from configuration by the module. */
export abstract class IngestionSettings {
  abstract readonly timeoutMs: number;
  abstract readonly embeddingBatchSize: number;
  /** How often a running file's stage and progress reach the registry. */
  abstract readonly progressIntervalMs: number;
}
