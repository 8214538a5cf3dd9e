import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { pipeline, type Readable } from 'node:stream';
import { AuditLog, type AuditRecord } from '@app/audit';
import { IngestQueue, mediaTypeOf, sniffDocumentType, type DocumentType } from '@app/ingest';
import { Transactions } from '@app/platform';
import { displayFilename } from '../../domain/display-filename';
import { EmptyFile, UnsupportedMediaType } from '../../domain/files-errors';
import { StoredFile, type FileVisibility } from '../../domain/stored-file';
import { BlobStorage, FileRepository } from '../../files.ports';
import { UploadInspector } from './upload-inspector';

const TEXTUAL: ReadonlySet<DocumentType> = new Set(['text', 'markdown', 'html']);

/** Thrown inside the insert's transaction to roll it back when the bytes are already there. */
class DuplicateUpload extends Error {}

/** Where an upload goes, once whoever sends it has been allowed to. */
export interface IntakeTarget {
  uploadedBy: string;
  departmentId: string;
  visibility: FileVisibility;
  conversationId: string | null;
  /** More bytes than this fail the upload with `tooLarge()`. */
  maxBytes: number;
  tooLarge: () => Error;
  /** Run in the insert's transaction before the file is added; throws to refuse it (an allowance checked again under a lock). */
  admit?: (file: StoredFile) => Promise<void>;
  /** What the audit log records of it, in the insert's transaction; none for a person's own attachment. */
  audit: ((file: StoredFile) => AuditRecord) | null;
}

/**
 * One way in for every uploaded document (an admin's file or a person's attachment): the bytes
 * stream to storage through the inspector (size limit, hash, sniffing), the file is recorded
 * `queued` and its ingestion job added. Nothing is left behind when any step refuses it.
 */
@Injectable()
export class UploadIntake {
  private readonly logger = new Logger(UploadIntake.name);

  constructor(
    private readonly files: FileRepository,
    private readonly blobs: BlobStorage,
    private readonly queue: IngestQueue,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
  ) {}

  async take(upload: { filename: string; content: Readable }, target: IntakeTarget): Promise<{ file: StoredFile; duplicate: boolean }> {
    const filename = displayFilename(upload.filename);
    const key = randomUUID();
    const inspector = new UploadInspector(target.maxBytes, target.tooLarge);
    // pipeline, not pipe: an error of the content (even one raised before this line) fails the
    // inspector, which storage reads, and a refusal by the inspector stops the content.
    pipeline(upload.content, inspector, () => undefined);
    await this.blobs.write(key, inspector);

    let recorded: { file: StoredFile; duplicate: boolean };
    try {
      recorded = await this.record(inspector, filename, key, target);
    } catch (rejection) {
      // No row refers to the bytes unless one was added: whatever failed (a refused type, the
      // database), they go, so a failed upload never leaves a blob behind.
      await this.blobs.delete(key);
      throw rejection;
    }
    if (recorded.duplicate) {
      await this.blobs.delete(key);
      return recorded;
    }
    const { file } = recorded;
    await this.queue.enqueueFile(file.id).catch((error: unknown) => {
      // The row is `queued`; the worker's reconciler adds the job once Redis answers again.
      this.logger.warn(`Could not queue file ${file.id} yet: ${(error as Error).message}`);
    });
    return { file, duplicate: false };
  }

  /** Registers the stored bytes as a file, or finds the live file with the same bytes in the department. */
  private async record(inspector: UploadInspector, filename: string, key: string, target: IntakeTarget): Promise<{ file: StoredFile; duplicate: boolean }> {
    const type = await acceptedTypeOf(inspector, filename);
    const file = StoredFile.register({
      id: randomUUID(),
      filename,
      mimeType: mediaTypeOf(type),
      sizeBytes: inspector.sizeBytes,
      sha256: inspector.sha256,
      departmentId: target.departmentId,
      visibility: target.visibility,
      conversationId: target.conversationId,
      storageKey: key,
      uploadedBy: target.uploadedBy,
      now: new Date(),
    });
    // Most uploads are new, so the insert is tried first; the unique index on the department's
    // live sha256 values refuses a duplicate, including one uploaded at the same moment. The
    // refused insert ends its transaction, so the existing record is read after it.
    const added = await this.transactions
      .run(async () => {
        if (target.admit) await target.admit(file);
        if (!(await this.files.add(file))) throw new DuplicateUpload();
        if (target.audit) await this.audit.record(target.audit(file));
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof DuplicateUpload) return false;
        throw error;
      });
    if (added) return { file, duplicate: false };
    const existing = await this.files.findLiveBySha256(target.departmentId, inspector.sha256);
    if (existing) return { file: existing, duplicate: true };
    throw new Error('The upload collided with a file that is no longer there; retry it');
  }
}

/** The type read from the bytes: magic numbers from the head, and for text the whole stream checked as UTF-8. */
async function acceptedTypeOf(inspector: UploadInspector, filename: string): Promise<DocumentType> {
  if (inspector.sizeBytes === 0) throw new EmptyFile();
  const type = await sniffDocumentType(inspector.head, filename);
  if (!type || (TEXTUAL.has(type) && !inspector.isText)) throw new UnsupportedMediaType();
  return type;
}
