import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { on } from 'node:events';
import { EventEmitter } from 'node:events';
import { toFileView, type FileView } from '../../domain/file-view';
import { FileReaders } from '../../access/file-readers';
import { FileNotFound } from '../../domain/files-errors';
import { FileEvents, FileRepository } from '../../files.ports';
import { WatchFile, type FileWatch } from './watch-file.query';

@QueryHandler(WatchFile)
export class WatchFileHandler implements IQueryHandler<WatchFile> {
  constructor(
    private readonly files: FileRepository,
    private readonly readers: FileReaders,
    private readonly events: FileEvents,
  ) {}

  // Subscribes before reading the current state, so no change can fall between the two.
  async execute({ actor, fileId }: WatchFile): Promise<FileWatch> {
    const first = await this.files.findById(fileId);
    if (!first || !first.isVisibleTo(await this.readers.of(actor))) throw new FileNotFound(fileId);
    const emitter = new EventEmitter();
    const stopped = new AbortController();
    const unsubscribe = await this.events.subscribe(fileId, (view) => emitter.emit('view', view));
    const current = await this.files.findById(fileId);
    if (!current) {
      await unsubscribe();
      throw new FileNotFound(fileId);
    }
    const currentView = toFileView(current);
    return {
      current: currentView,
      updates: newerThan(currentView, on(emitter, 'view', { signal: stopped.signal })),
      stop: async () => {
        stopped.abort();
        await unsubscribe();
      },
    };
  }
}

/** Drops views older than the last one seen: a publish racing the initial read may repeat it. */
async function* newerThan(initial: FileView, views: AsyncIterable<unknown[]>): AsyncIterable<FileView> {
  let last = initial.updatedAt;
  try {
    for await (const [view] of views as AsyncIterable<[FileView]>) {
      if (view.updatedAt < last) continue;
      last = view.updatedAt;
      yield view;
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  }
}
