export type { DocumentType, ParsedDocument, ParsedSection } from './domain/parsed-document';
export { chunkDocument, chunkId, type Chunk } from './domain/chunk-document';
export { parseDocument, sniffDocumentType, DEFAULT_PARSE_LIMITS } from './parsing';
export * from './domain/ingest-errors';
