import { Query } from '@nestjs/cqrs';
import type { Readable } from 'node:stream';
import type { Actor } from '@app/platform';
import type { StoredFile } from '../../domain/stored-file';

export class GetFileContent extends Query<{ file: StoredFile; content: Readable }> {
  constructor(
    readonly actor: Actor,
    readonly fileId: string,
  ) {
    super();
  }
}
