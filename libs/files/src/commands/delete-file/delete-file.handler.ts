import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '@app/audit';
import { assertAdministers, Transactions } from '@app/platform';
import { FileReaders } from '../../access/file-readers';
import { FileNotFound } from '../../domain/files-errors';
import { FileRepository } from '../../files.ports';
import { DeleteFile } from './delete-file.command';
import { PurgeSoon } from './purge-soon';

/**
 * Soft-deletes at once, so the file stops being listed and retrieved before this returns; the
 * purge job then removes bytes, chunks and vectors. The corpus version moves now so no cached
 * search result still carries the file. Admins delete any file, a department admin those of
 * their subtree.
 */
@CommandHandler(DeleteFile)
export class DeleteFileHandler implements ICommandHandler<DeleteFile> {
  constructor(
    private readonly files: FileRepository,
    private readonly readers: FileReaders,
    private readonly purge: PurgeSoon,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, fileId }: DeleteFile) {
    const reader = await this.readers.of(actor);
    const file = await this.transactions.run(async () => {
      const file = await this.files.findById(fileId);
      if (!file || !file.isVisibleTo(reader)) throw new FileNotFound(fileId);
      assertAdministers(reader.manages, file.departmentId, 'That file');
      file.markDeleted(new Date());
      await this.files.save(file);
      await this.audit.record({ actorId: actor.userId, action: 'file.deleted', target: { type: 'file', id: file.id }, departmentIds: [file.departmentId], detail: { filename: file.filename } });
      return file;
    });
    await this.purge.of([file.id]);
  }
}
