import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '@app/audit';
import { IngestQueue } from '@app/ingest';
import { assertAdministers, Transactions } from '@app/platform';
import { FileReaders } from '../../access/file-readers';
import { toFileView } from '../../domain/file-view';
import { FileBusy, FileNotFound } from '../../domain/files-errors';
import { FileEvents, FileRepository } from '../../files.ports';
import { ReindexFile } from './reindex-file.command';

/** Admins reindex any file, a department admin those of their subtree; a file one cannot see is not found. */
@CommandHandler(ReindexFile)
export class ReindexFileHandler implements ICommandHandler<ReindexFile> {
  constructor(
    private readonly files: FileRepository,
    private readonly readers: FileReaders,
    private readonly queue: IngestQueue,
    private readonly events: FileEvents,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
  ) {}

  // The same chunk ids come out again, so the index is overwritten in place, never duplicated.
  async execute({ actor, fileId }: ReindexFile) {
    const reader = await this.readers.of(actor);
    const file = await this.transactions.run(async () => {
      const file = await this.files.findById(fileId);
      if (!file || !file.isVisibleTo(reader)) throw new FileNotFound(fileId);
      assertAdministers(reader.manages, file.departmentId, 'That file');
      if (!file.isSettled()) throw new FileBusy(fileId);
      file.requeue(new Date());
      await this.files.save(file);
      await this.audit.record({ actorId: actor.userId, action: 'file.reindexed', target: { type: 'file', id: file.id }, departmentIds: [file.departmentId], detail: { filename: file.filename } });
      return file;
    });
    await this.queue.enqueueFile(file.id);
    this.events.publish(toFileView(file));
    return file;
  }
}
