import { Command } from '@nestjs/cqrs';
import type { Readable } from 'node:stream';
import type { Actor } from '@app/platform';
import type { StoredFile } from '../../domain/stored-file';

/** A person attaches a document of their own to one of their conversations. */
export class AttachFile extends Command<StoredFile> {
  constructor(
    readonly actor: Actor,
    readonly conversationId: string,
    readonly upload: { filename: string; content: Readable },
  ) {
    super();
  }
}
