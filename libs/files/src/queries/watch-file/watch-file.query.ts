import { Query } from '@nestjs/cqrs';
import type { FileView } from '../../domain/file-view';
import type { Actor } from '@app/platform';

export interface FileWatch {
  /** The state when watching began; every later change arrives through `updates`. */
  current: FileView;
  updates: AsyncIterable<FileView>;
  stop(): Promise<void>;
}

export class WatchFile extends Query<FileWatch> {
  constructor(
    readonly actor: Actor,
    readonly fileId: string,
  ) {
    super();
  }
}
