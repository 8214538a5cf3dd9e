import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/kernel';
import type { FileView } from '../../domain/file-view';
import type { FileReader } from '../../domain/stored-file';
import type { FileListFilter } from '../../files.ports';

export class ListFiles extends Query<Page<FileView>> {
  constructor(
    readonly reader: FileReader,
    readonly filter: FileListFilter,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
