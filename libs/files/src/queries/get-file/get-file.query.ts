import { Query } from '@nestjs/cqrs';
import type { FileReader, StoredFile } from '../../domain/stored-file';

export class GetFile extends Query<StoredFile> {
  constructor(
    readonly reader: FileReader,
    readonly fileId: string,
  ) {
    super();
  }
}
