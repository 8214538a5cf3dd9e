import { ManagementScope, scopeMayRead, type ReaderScope } from '@app/kernel';

/** `conversation`: an attachment, read only by its owner inside its conversation (kernel's reading rule). */
export type FileVisibility = 'department' | 'organization' | 'conversation';
export type FileStatus = 'queued' | 'processing' | 'ready' | 'failed';
export type IngestionStage = 'parsing' | 'chunking' | 'embedding' | 'indexing';

/** Who looks at the registry: what they read (the reading rule) and where they administer. */
export interface FileReader {
  reads: ReaderScope;
  manages: ManagementScope;
}

export const memberReader = (reads: ReaderScope): FileReader => ({ reads, manages: ManagementScope.none() });

export interface NewFile {
  id: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  departmentId: string;
  visibility: FileVisibility;
  /** Set for an attachment, and only then. */
  conversationId?: string | null;
  storageKey: string;
  uploadedBy: string;
  now: Date;
}

/**
 * An uploaded document and its ingestion status machine:
 * queued → processing → ready | failed, and back to queued for a retry or a reindex.
 * The status says what ingestion is doing; whether search answers from the file is its live
 * index generation, which retrieval moves when a run's chunks are published: a file being
 * reindexed, or whose reindex failed, keeps answering with the chunks it had.
 */
export class StoredFile {
  status: FileStatus = 'queued';
  stage: IngestionStage | null = null;
  progress = 0;
  chunkCount = 0;
  pageCount: number | null = null;
  errorCode: string | null = null;
  errorMessage: string | null = null;
  lastProgressAt: Date | null = null;
  readyAt: Date | null = null;
  deletedAt: Date | null = null;
  /** The index generation search serves; null until a first ingestion publishes one. Written by retrieval, never by a save here. */
  liveGeneration: number | null = null;
  /** The conversation an attachment belongs to; null for the corpus. */
  conversationId: string | null = null;

  constructor(
    readonly id: string,
    readonly filename: string,
    readonly mimeType: string,
    readonly sizeBytes: number,
    readonly sha256: string,
    readonly departmentId: string,
    readonly visibility: FileVisibility,
    readonly storageKey: string,
    readonly uploadedBy: string,
    readonly createdAt: Date,
    public updatedAt: Date,
  ) {}

  static register(file: NewFile): StoredFile {
    const stored = new StoredFile(file.id, file.filename, file.mimeType, file.sizeBytes, file.sha256, file.departmentId, file.visibility, file.storageKey, file.uploadedBy, file.now, file.now);
    stored.conversationId = file.conversationId ?? null;
    return stored;
  }

  isAttachment(): boolean {
    return this.visibility === 'conversation';
  }

  /**
   * Whoever may read it (the reading rule) sees it, and whoever administers its department:
   * admins every file, a department admin every file of their subtree. An attachment only by the
   * rule: nobody administers another person's conversation.
   */
  isVisibleTo(reader: FileReader): boolean {
    if (this.deletedAt) return false;
    const placement = { departmentId: this.departmentId, visibility: this.visibility, conversationId: this.conversationId, ownerId: this.uploadedBy };
    if (this.isAttachment()) return scopeMayRead(reader.reads, placement);
    return reader.manages.covers(this.departmentId) || scopeMayRead(reader.reads, placement);
  }

  isSettled(): boolean {
    return this.status === 'ready' || this.status === 'failed';
  }

  /** Whether search answers from this file: some generation of its chunks is live. */
  isSearchable(): boolean {
    return this.liveGeneration !== null;
  }

  /** The generation an ingestion of the file writes now: the next after the live one. */
  nextGeneration(): number {
    return this.liveGeneration === null ? 0 : this.liveGeneration + 1;
  }

  startProcessing(now: Date): void {
    this.status = 'processing';
    this.stage = null;
    this.progress = 0;
    this.errorCode = null;
    this.errorMessage = null;
    this.touch(now);
  }

  reportProgress(stage: IngestionStage, progress: number, now: Date): void {
    this.status = 'processing';
    this.stage = stage;
    this.progress = Math.min(1, Math.max(0, progress));
    this.touch(now);
  }

  /** `generation`: the one this run published, which search now serves. */
  markReady(chunkCount: number, pageCount: number | null, generation: number, now: Date): void {
    this.liveGeneration = Math.max(generation, this.liveGeneration ?? generation);
    this.status = 'ready';
    this.stage = null;
    this.progress = 1;
    this.chunkCount = chunkCount;
    this.pageCount = pageCount;
    this.errorCode = null;
    this.errorMessage = null;
    this.readyAt = now;
    this.touch(now);
  }

  markFailed(code: string, message: string, now: Date): void {
    this.status = 'failed';
    this.stage = null;
    this.errorCode = code;
    this.errorMessage = message;
    this.touch(now);
  }

  /** Waiting again: a retry after a passing failure, a reindex, or a re-embed. */
  requeue(now: Date): void {
    this.status = 'queued';
    this.stage = null;
    this.progress = 0;
    this.updatedAt = now;
  }

  markDeleted(now: Date): void {
    this.deletedAt = now;
    this.updatedAt = now;
  }

  private touch(now: Date): void {
    this.lastProgressAt = now;
    this.updatedAt = now;
  }
}
