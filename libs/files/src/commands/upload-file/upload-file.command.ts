import { Command } from '@nestjs/cqrs';
import type { Readable } from 'node:stream';
import type { Actor } from '@app/platform';
import type { FileVisibility, StoredFile } from '../../domain/stored-file';

export interface IncomingFile {
  /** As the client sent it; only ever displayed, after sanitising. */
  filename: string;
  content: Readable;
  departmentId?: string;
  /** An attachment's visibility is never the uploader's to choose. */
  visibility?: Exclude<FileVisibility, 'conversation'>;
}

export class UploadFile extends Command<{ file: StoredFile; duplicate: boolean }> {
  constructor(
    readonly actor: Actor,
    readonly upload: IncomingFile,
  ) {
    super();
  }
}
