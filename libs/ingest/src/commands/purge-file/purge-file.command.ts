import { Command } from '@nestjs/cqrs';

/** Removes what a deleted file left behind: chunks, vectors, bytes, and finally its row. */
export class PurgeFile extends Command<void> {
  constructor(readonly fileId: string) {
    super();
  }
}
