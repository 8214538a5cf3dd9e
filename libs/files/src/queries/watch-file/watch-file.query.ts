import { Query } from '@nestjs/cqrs';
import type { FileView } from '../../domain/file-view';
import type { FileReader } from '../../domain/stored-file';

export interface FileWatch {
  /** The state when watching began; every later change arrives through `updates`. */
  current: FileView;
  updates: AsyncIterable<FileView>;
  stop(): Promise<void>;
}

export class WatchFile extends Query<FileWatch> {
  constructor(
    readonly reader: FileReader,
    readonly fileId: string,
  ) {
    super();
  }
}
