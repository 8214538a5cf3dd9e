import { Injectable } from '@nestjs/common';
import { PreparedQueries } from '@app/platform';
import { ConversationOwners } from '../files.ports';

/**
 * Reads the owner straight from the conversations table: the conversations module depends on
 * this one (to list and delete a conversation's attachments), so it cannot be asked back.
 */
@Injectable()
export class SqlConversationOwners extends ConversationOwners {
  constructor(private readonly sql: PreparedQueries) {
    super();
  }

  async ownerOf(conversationId: string): Promise<string | null> {
    const [row] = await this.sql.rows<{ user_id: string }>('select user_id from conversations where id = ?', [conversationId]);
    return row?.user_id ?? null;
  }
}
