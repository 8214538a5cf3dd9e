import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IngestQueue } from '@app/ingest';
import { toFileView } from '../../domain/file-view';
import { FileBusy, FileNotFound } from '../../domain/files-errors';
import { FileEvents, FileRepository } from '../../files.ports';
import { ReindexFile } from './reindex-file.command';

@CommandHandler(ReindexFile)
export class ReindexFileHandler implements ICommandHandler<ReindexFile> {
  constructor(
    private readonly files: FileRepository,
    private readonly queue: IngestQueue,
    private readonly events: FileEvents,
  ) {}

  // The same chunk ids come out again, so the index is overwritten in place, never duplicated.
  async execute({ actor, fileId }: ReindexFile) {
    const file = await this.files.findById(fileId);
    if (!file || !file.isVisibleTo(actor)) throw new FileNotFound(fileId);
    if (!file.isSettled()) throw new FileBusy(fileId);
    file.requeue(new Date());
    await this.files.save(file);
    await this.queue.enqueueFile(file.id);
    this.events.publish(toFileView(file));
    return file;
  }
}
