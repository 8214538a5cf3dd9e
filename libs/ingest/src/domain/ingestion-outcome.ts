import { DomainError } from '@app/kernel';
import { DocumentRejected } from './ingest-errors';

export class IngestionTimedOut extends DomainError {
  readonly kind = 'unavailable';
  constructor(ms: number) {
    super('ingestion_timed_out', `Ingestion did not finish within ${ms} ms`);
  }
}

/** A vector space was built by an embedding model this process cannot run; a re-embed with one it can fixes it. */
export class EmbeddingModelMismatch extends DomainError {
  readonly kind = 'conflict';
  constructor(stored: string, configured: string) {
    super('embedding_model_mismatch', `The index holds vectors of ${stored}, which this worker cannot compute (it is configured for ${configured}); re-embed the corpus`);
  }
}

/** Whether another attempt could succeed: a rejected document or a model mismatch never will. */
export function isPermanentFailure(error: unknown): boolean {
  return error instanceof DocumentRejected || error instanceof EmbeddingModelMismatch;
}

/** The `{code, message}` a failed file shows; unexpected errors keep their message but get a generic code. */
export function describeFailure(error: unknown): { code: string; message: string } {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  return { code: 'ingestion_failed', message: error instanceof Error ? error.message : String(error) };
}
