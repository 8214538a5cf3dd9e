import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/kernel';
import type { FileView } from '../../domain/file-view';
import type { Actor } from '@app/platform';
import type { FileListFilter } from '../../files.ports';

export class ListFiles extends Query<Page<FileView>> {
  constructor(
    readonly actor: Actor,
    readonly filter: FileListFilter,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
