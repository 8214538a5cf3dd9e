import { Injectable } from '@nestjs/common';
import { Transactions } from '@app/platform';
import { PurgeSoon } from '../commands/delete-file/purge-soon';
import { toFileView, type FileView } from '../domain/file-view';
import { FileRepository } from '../files.ports';

/**
 * A conversation's attachments as the conversations and chat modules see them. Callers have
 * checked that the conversation is the caller's: these take its id as settled.
 */
@Injectable()
export class ConversationAttachments {
  constructor(
    private readonly files: FileRepository,
    private readonly transactions: Transactions,
    private readonly purge: PurgeSoon,
  ) {}

  /** Oldest first, with their ingestion status. */
  async listOf(conversationId: string): Promise<FileView[]> {
    return (await this.files.attachmentsOf(conversationId)).map(toFileView);
  }

  /** Deletes them as any file is deleted: gone from answers at once, bytes, chunks and vectors purged next. */
  async removeAllOf(conversationId: string): Promise<void> {
    const removed = await this.transactions.run(async () => {
      const attachments = await this.files.attachmentsOf(conversationId);
      const now = new Date();
      for (const file of attachments) {
        file.markDeleted(now);
        await this.files.save(file);
      }
      return attachments.map((file) => file.id);
    });
    await this.purge.of(removed);
  }
}
