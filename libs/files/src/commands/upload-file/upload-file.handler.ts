import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream';
import { AccessDirectory } from '@app/access';
import { AuditLog } from '@app/audit';
import { IngestQueue, mediaTypeOf, sniffDocumentType, type DocumentType } from '@app/ingest';
import { AdminOnly, assertAdministers, Transactions } from '@app/platform';
import { displayFilename } from '../../domain/display-filename';
import { EmptyFile, FileTooLarge, UnsupportedMediaType, UploadDepartmentNotFound } from '../../domain/files-errors';
import { StoredFile, type FileVisibility } from '../../domain/stored-file';
import { BlobStorage, FileRepository } from '../../files.ports';
import { UploadInspector } from './upload-inspector';
import { UploadFile } from './upload-file.command';
import { UploadSettings } from './upload-settings';

const TEXTUAL: ReadonlySet<DocumentType> = new Set(['text', 'markdown', 'html']);

/** Thrown inside the insert's transaction to roll it back when the bytes are already there. */
class DuplicateUpload extends Error {}

@CommandHandler(UploadFile)
export class UploadFileHandler implements ICommandHandler<UploadFile> {
  private readonly logger = new Logger(UploadFileHandler.name);

  constructor(
    private readonly files: FileRepository,
    private readonly blobs: BlobStorage,
    private readonly queue: IngestQueue,
    private readonly settings: UploadSettings,
    private readonly access: AccessDirectory,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, upload }: UploadFile) {
    const departmentId = upload.departmentId ?? actor.departmentId;
    // The caller's own department exists: the user row refers to it.
    // Before a byte is stored: admins upload anywhere, a department admin into their subtree.
    const scope = await this.access.managementScopeOf(actor);
    if (scope.reach === 'none') throw new AdminOnly();
    if (departmentId !== actor.departmentId && !(await this.files.departmentExists(departmentId))) throw new UploadDepartmentNotFound(departmentId);
    assertAdministers(scope, departmentId, 'That department');
    const filename = displayFilename(upload.filename);

    const key = randomUUID();
    const inspector = new UploadInspector(this.settings.maxBytes, () => new FileTooLarge(this.settings.maxBytes));
    // pipeline, not pipe: an error of the content (even one raised before this line) fails the
    // inspector, which storage reads, and a refusal by the inspector stops the content.
    pipeline(upload.content, inspector, () => undefined);
    await this.blobs.write(key, inspector);

    let recorded: { file: StoredFile; duplicate: boolean };
    try {
      recorded = await this.record(inspector, { actor, departmentId, filename, visibility: upload.visibility, key });
    } catch (rejection) {
      // No row refers to the bytes unless one was added: whatever failed (a refused type, the
      // database), they go, so a failed upload never leaves a blob behind.
      await this.blobs.delete(key);
      throw rejection;
    }
    if (recorded.duplicate) return this.duplicateOf(recorded.file, key);
    const { file } = recorded;
    await this.queue.enqueueFile(file.id).catch((error: unknown) => {
      // The row is `queued`; the worker's reconciler adds the job once Redis answers again.
      this.logger.warn(`Could not queue file ${file.id} yet: ${(error as Error).message}`);
    });
    return { file, duplicate: false };
  }

  /** Registers the stored bytes as a file, or finds the live file with the same bytes in the department. */
  private async record(
    inspector: UploadInspector,
    { actor, departmentId, filename, visibility, key }: { actor: UploadFile['actor']; departmentId: string; filename: string; visibility?: FileVisibility; key: string },
  ): Promise<{ file: StoredFile; duplicate: boolean }> {
    const type = await acceptedTypeOf(inspector, filename);
    const file = StoredFile.register({
      id: randomUUID(),
      filename,
      mimeType: mediaTypeOf(type),
      sizeBytes: inspector.sizeBytes,
      sha256: inspector.sha256,
      departmentId,
      visibility: visibility ?? 'department',
      storageKey: key,
      uploadedBy: actor.userId,
      now: new Date(),
    });
    // Most uploads are new, so the insert is tried first; the unique index on the department's
    // live sha256 values refuses a duplicate, including one uploaded at the same moment. The
    // refused insert ends its transaction, so the existing record is read after it.
    const added = await this.transactions
      .run(async () => {
        if (!(await this.files.add(file))) throw new DuplicateUpload();
        await this.audit.record({
          actorId: actor.userId,
          action: 'file.uploaded',
          target: { type: 'file', id: file.id },
          departmentIds: [departmentId],
          detail: { filename, visibility: file.visibility, sizeBytes: file.sizeBytes },
        });
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof DuplicateUpload) return false;
        throw error;
      });
    if (added) return { file, duplicate: false };
    const existing = await this.files.findLiveBySha256(departmentId, inspector.sha256);
    if (existing) return { file: existing, duplicate: true };
    throw new Error('The upload collided with a file that is no longer there; retry it');
  }

  private async duplicateOf(existing: StoredFile, unusedKey: string) {
    await this.blobs.delete(unusedKey);
    return { file: existing, duplicate: true };
  }
}

/** The type read from the bytes: magic numbers from the head, and for text the whole stream checked as UTF-8. */
async function acceptedTypeOf(inspector: UploadInspector, filename: string): Promise<DocumentType> {
  if (inspector.sizeBytes === 0) throw new EmptyFile();
  const type = await sniffDocumentType(inspector.head, filename);
  if (!type || (TEXTUAL.has(type) && !inspector.isText)) throw new UnsupportedMediaType();
  return type;
}
