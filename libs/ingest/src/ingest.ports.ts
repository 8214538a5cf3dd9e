import type { DocumentType, ParsedDocument } from './domain/parsed-document';

export type IngestStage = 'parsing' | 'chunking' | 'embedding' | 'indexing';

/** What ingestion needs to know about a file; the files module owns the rest. */
export interface FileToIngest {
  id: string;
  filename: string;
  type: DocumentType;
  departmentId: string;
  visibility: 'department' | 'organization' | 'conversation';
  /** An attachment's conversation, which its chunks carry for the access filter; null for the corpus. */
  conversationId: string | null;
  /** Who uploaded it: an attachment's vectors carry its owner too. */
  ownerId: string;
  /** Where the registry keeps the file's bytes; opaque to ingestion. */
  contentKey: string;
  /**
   * The index generation this run writes: the one after the file's live generation (0 for a
   * file never indexed). Every run of one ingestion gets the same, so a retry overwrites.
   */
  generation: number;
}

export interface IngestionFailure {
  code: string;
  message: string;
}

/**
 * The file registry as ingestion sees it, implemented by the files module: every call moves
 * the file's status machine and tells anyone watching the file's events.
 */
export abstract class IngestionFiles {
  /**
   * Marks the file `processing` and says what to ingest. Null when there is nothing to do: the
   * file is gone or being deleted, is not a type the worker reads, or has already settled
   * (a stale job, or another run of the same job finished it first).
   */
  abstract claim(fileId: string): Promise<FileToIngest | null>;
  abstract readBytes(file: FileToIngest): Promise<Buffer>;
  abstract reportProgress(fileId: string, stage: IngestStage, progress: number): Promise<void>;
  /** `generation`: the one the run published, which search serves from now on. */
  abstract markReady(fileId: string, result: { chunkCount: number; pageCount: number | null; generation: number }): Promise<void>;
  /** Back to `queued` while a retry waits, so a waiting file is never mistaken for a stalled one. */
  abstract markRetrying(fileId: string, failure: IngestionFailure): Promise<void>;
  abstract markFailed(fileId: string, failure: IngestionFailure): Promise<void>;
  /** Deletes the bytes and the row of a soft-deleted file. */
  abstract purge(fileId: string): Promise<void>;
  /** Ids of live files in `queued` or `processing`, oldest first. */
  abstract listUnsettled(): Promise<string[]>;
  /** Ids of soft-deleted files whose purge has not finished. */
  abstract listDeleted(): Promise<string[]>;
}

/** Adds ingestion jobs; adding a file that already has a waiting or running job does nothing. */
export abstract class IngestQueue {
  abstract enqueueFile(fileId: string): Promise<void>;
  abstract enqueuePurge(fileId: string): Promise<void>;
  /** Adds the job that fills this vector space; one per space. */
  abstract enqueueReembed(spaceId: string): Promise<void>;
  /** True when the file has a job waiting, delayed or running. */
  abstract hasPendingFileJob(fileId: string): Promise<boolean>;
  /** True when the space's re-embed job is waiting, delayed or running. */
  abstract hasPendingReembedJob(spaceId: string): Promise<boolean>;
}

/**
 * Reads a document's text (see parseDocument). The worker's implementation runs it on a parse
 * thread within a CPU and memory budget, so no document can hold up the worker or its other files.
 */
export abstract class DocumentParser {
  /** Rejects with a DocumentRejected (permanent) or, for a failure of the thread itself, any error. */
  abstract parse(bytes: Buffer, type: DocumentType): Promise<ParsedDocument>;
}

export type IngestionOutcome = 'ready' | 'retrying' | 'failed';

/** Where ingestion reports how long it takes; the worker keeps these as Prometheus histograms. */
export abstract class IngestionTimings {
  /** A stage that finished; a stage cut short by a failure is not reported. */
  abstract stageFinished(stage: IngestStage, seconds: number): void;
  /** One attempt at one file, from taking it up to its outcome. */
  abstract fileFinished(outcome: IngestionOutcome, seconds: number): void;
}
