import { Query } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';
import type { StoredFile } from '../../domain/stored-file';

export class GetFile extends Query<StoredFile> {
  constructor(
    readonly actor: Actor,
    readonly fileId: string,
  ) {
    super();
  }
}
