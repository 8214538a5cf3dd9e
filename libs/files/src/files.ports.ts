import type { Readable } from 'node:stream';
import type { Cursor } from '@app/kernel';
import type { FileView } from './domain/file-view';
import type { FileReader, FileStatus, StoredFile } from './domain/stored-file';

export interface FileListFilter {
  status?: FileStatus;
  departmentId?: string;
}

export abstract class FileRepository {
  /** The live (not deleted) file. */
  abstract findById(id: string): Promise<StoredFile | null>;
  /**
   * The live file as this unit of work last read or wrote it, read only if it has not been:
   * for changes that a conditional save guards anyway.
   */
  abstract findTracked(id: string): Promise<StoredFile | null>;
  /** Includes a soft-deleted file, for the purge. */
  abstract findIncludingDeleted(id: string): Promise<StoredFile | null>;
  abstract findLiveBySha256(departmentId: string, sha256: string): Promise<StoredFile | null>;
  /** Newest first, live files the reader may see, after the cursor. */
  abstract listVisible(reader: FileReader, filter: FileListFilter, limit: number, after: Cursor | null): Promise<StoredFile[]>;
  abstract listIdsByStatus(statuses: FileStatus[]): Promise<string[]>;
  abstract listDeletedIds(): Promise<string[]>;
  abstract departmentExists(id: string): Promise<boolean>;
  /** False when another live file of the department already has these bytes. */
  abstract add(file: StoredFile): Promise<boolean>;
  abstract save(file: StoredFile): Promise<void>;
  /** Saves the file's ingestion state only while the stored row is still unsettled; false otherwise. */
  abstract saveIfUnsettled(file: StoredFile): Promise<boolean>;
  /** Saves a running file's ingestion state only while the stored row still says `processing`; false otherwise. */
  abstract saveIfProcessing(file: StoredFile): Promise<boolean>;
  abstract remove(id: string): Promise<void>;
  /** The live attachments of a conversation, oldest first. */
  abstract attachmentsOf(conversationId: string): Promise<StoredFile[]>;
  /** How many live attachments the user has, in all their conversations, and their bytes. */
  abstract attachmentUsageOf(userId: string): Promise<{ count: number; bytes: number }>;
  /**
   * The same, inside a transaction, after taking the user's attachment lock until it ends: two
   * attachments recorded at once are counted one after the other, so both cannot pass the allowance.
   */
  abstract lockedAttachmentUsageOf(userId: string): Promise<{ count: number; bytes: number }>;
}

/** Whose a conversation is; the conversations module owns them, the registry only asks. */
export abstract class ConversationOwners {
  /** The owner's id; null when there is no such conversation. */
  abstract ownerOf(conversationId: string): Promise<string | null>;
}

/** Where uploaded bytes live, under keys the system generates. */
export abstract class BlobStorage {
  /** Stores the stream under the key; on any error nothing is left behind. */
  abstract write(key: string, content: Readable): Promise<void>;
  abstract read(key: string): Promise<Buffer>;
  abstract openStream(key: string): Promise<Readable>;
  abstract delete(key: string): Promise<void>;
}

/** Status and progress changes of files, across processes (the worker publishes, the API streams). */
export abstract class FileEvents {
  /**
   * Tells whoever watches the file; not awaited by callers. The row is the truth and a stream
   * reads it on (re)connect, so a lost notification is logged, never a reason to fail the change.
   */
  abstract publish(view: FileView): void;
  /** Calls the listener with every published view of the file until the returned function is called. */
  abstract subscribe(fileId: string, listener: (view: FileView) => void): Promise<() => Promise<void>>;
}
