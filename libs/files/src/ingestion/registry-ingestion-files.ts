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

  async findIngestable(fileId: string): Promise<FileToIngest | null> {
    const file = await this.files.findById(fileId);
    const type = file ? documentTypeOfMediaType(file.mimeType) : null;
    // A settled file's job is stale: a reconcile that listed the file just before it finished,
    // or a Redis restart that lost the removal of its finished job. Re-running it would flip a
    // ready file back to processing for nothing; a reindex requeues the file first.
    if (!file || !type || file.isSettled()) return null;
    return { id: file.id, filename: file.filename, type, departmentId: file.departmentId, visibility: file.visibility };
  }

  async readBytes(fileId: string): Promise<Buffer> {
    const file = await this.files.findIncludingDeleted(fileId);
    if (!file) throw new Error(`File ${fileId} is gone`);
    return this.blobs.read(file.storageKey);
  }

  /**
   * A stalled job handed out again while its first run goes on means two runs of one file; the
   * conditional save keeps the later one from flipping a file the other already settled.
   */
  async markProcessing(fileId: string): Promise<boolean> {
    const file = await this.files.findById(fileId);
    if (!file || file.isSettled()) return false;
    file.startProcessing(new Date());
    if (!(await this.files.saveIfUnsettled(file))) return false;
    await this.events.publish(toFileView(file));
    return true;
  }

  // Only a file still processing: a late report must not reopen a settled or requeued file.
  reportProgress(fileId: string, stage: IngestStage, progress: number) {
    return this.change(fileId, (file, now) => (file.status === 'processing' ? file.reportProgress(stage, progress, now) : false));
  }

  markReady(fileId: string, { chunkCount, pageCount }: { chunkCount: number; pageCount: number | null }) {
    return this.change(fileId, (file, now) => file.markReady(chunkCount, pageCount, now));
  }

  markRetrying(fileId: string, _failure: IngestionFailure) {
    return this.change(fileId, (file, now) => file.requeue(now));
  }

  // Never overwrites an outcome already recorded, so a late report of the same failure is harmless.
  markFailed(fileId: string, { code, message }: IngestionFailure) {
    return this.change(fileId, (file, now) => (file.isSettled() ? false : file.markFailed(code, message, now)));
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

  async requeueAll(): Promise<string[]> {
    const ids = await this.files.listIdsByStatus(['queued', 'processing', 'ready', 'failed']);
    for (const id of ids) await this.change(id, (file, now) => file.requeue(now));
    return ids;
  }

  private async change(fileId: string, apply: (file: StoredFile, now: Date) => void | false): Promise<void> {
    const file = await this.files.findById(fileId);
    if (!file || apply(file, new Date()) === false) return;
    await this.files.save(file);
    await this.events.publish(toFileView(file));
  }
}
