export type { DocumentType } from './domain/parsed-document';
export { sniffDocumentType } from './parsing';
export * from './domain/ingest-errors';
export { mediaTypeOf, documentTypeOfMediaType } from './domain/media-types';
export { INGEST_QUEUE } from './jobs/ingest-jobs';
export { IngestionFiles, IngestQueue, type FileToIngest, type IngestStage, type IngestionFailure } from './ingest.ports';
export { IngestQueueModule } from './queue/ingest-queue.module';
export { queueConnectionFor } from './queue/queue-connection';
export { IngestModule } from './ingest.module';
