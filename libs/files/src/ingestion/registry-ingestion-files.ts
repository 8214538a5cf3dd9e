import { Injectable } from '@nestjs/common';
import { documentTypeOfMediaType, IngestionFiles, type FileToIngest, type IngestionFailure, type IngestStage } from '@app/ingest';
import { toFileView } from '../domain/file-view';
import type { StoredFile } from '../domain/stored-file';
import { BlobStorage, FileEvents, FileRepository } from '../files.ports';

/**
 * The registry's side of ingestion: each step moves the file's status machine, saves it and
 * publishes the new view to anyone streaming the file's events. A file deleted meanwhile is
 * left alone.
 */
@Injectable()
export class RegistryIngestionFiles extends IngestionFiles {
  constructor(
    private readonly files: FileRepository,
    private readonly blobs: BlobStorage,
    private readonly events: FileEvents,
  ) {
    super();
  }

  /**
   * A settled file's job is stale: a reconcile that listed the file just before it finished, or
   * a Redis restart that lost the removal of its finished job; re-running it would flip a ready
   * file back to processing for nothing (a reindex requeues the file first). A stalled job
   * handed out again while its first run goes on means two runs of one file; the conditional
   * save keeps the later one from reopening a file the other already settled.
   */
  async claim(fileId: string): Promise<FileToIngest | null> {
    const file = await this.files.findById(fileId);
    const type = file ? documentTypeOfMediaType(file.mimeType) : null;
    if (!file || !type || file.isSettled()) return null;
    file.startProcessing(new Date());
    if (!(await this.files.saveIfUnsettled(file))) return null;
    this.events.publish(toFileView(file));
    return {
      id: file.id,
      filename: file.filename,
      type,
      departmentId: file.departmentId,
      visibility: file.visibility,
      conversationId: file.conversationId,
      ownerId: file.uploadedBy,
      contentKey: file.storageKey,
      generation: file.nextGeneration(),
    };
  }

  readBytes(file: FileToIngest): Promise<Buffer> {
    return this.blobs.read(file.contentKey);
  }

  // Only a file still processing: a late report must not reopen a settled or requeued file.
  reportProgress(fileId: string, stage: IngestStage, progress: number) {
    return this.advance(fileId, (file, now) => (file.status === 'processing' ? file.reportProgress(stage, progress, now) : false));
  }

  markReady(fileId: string, { chunkCount, pageCount, generation }: { chunkCount: number; pageCount: number | null; generation: number }) {
    return this.advance(fileId, (file, now) => file.markReady(chunkCount, pageCount, generation, now));
  }

  markRetrying(fileId: string, _failure: IngestionFailure) {
    return this.advance(fileId, (file, now) => file.requeue(now));
  }

  markFailed(fileId: string, { code, message }: IngestionFailure) {
    return this.advance(fileId, (file, now) => file.markFailed(code, message, now));
  }

  async purge(fileId: string): Promise<void> {
    const file = await this.files.findIncludingDeleted(fileId);
    if (!file) return;
    await this.blobs.delete(file.storageKey);
    await this.files.remove(file.id);
  }

  listUnsettled(): Promise<string[]> {
    return this.files.listIdsByStatus(['queued', 'processing']);
  }

  listDeleted(): Promise<string[]> {
    return this.files.listDeletedIds();
  }

  /**
   * A step of a running ingestion, on the file as its claim left it (no read): the save applies
   * only while the row still says `processing`, so it never overwrites an outcome already
   * recorded (e.g. by a late duplicate run), a requeue for a reindex, or a delete.
   */
  private async advance(fileId: string, apply: (file: StoredFile, now: Date) => void | false): Promise<void> {
    const file = await this.files.findTracked(fileId);
    if (!file || file.isSettled() || apply(file, new Date()) === false) return;
    if (await this.files.saveIfProcessing(file)) this.events.publish(toFileView(file));
  }
}
