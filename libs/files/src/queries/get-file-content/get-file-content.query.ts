import { Query } from '@nestjs/cqrs';
import type { Readable } from 'node:stream';
import type { FileReader, StoredFile } from '../../domain/stored-file';

export class GetFileContent extends Query<{ file: StoredFile; content: Readable }> {
  constructor(
    readonly reader: FileReader,
    readonly fileId: string,
  ) {
    super();
  }
}
