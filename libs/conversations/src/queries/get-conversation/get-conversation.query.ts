import { Query } from '@nestjs/cqrs';
import type { FileRecord } from '@app/files';
import type { Actor } from '@app/platform';
import type { Conversation } from '../../domain/conversation';
import type { BranchMessage } from '../../domain/message-branches';

export interface ConversationWithMessages {
  conversation: Conversation;
  /** The branch shown, first message first, each with its versions. */
  messages: BranchMessage[];
  /** Its attachments, oldest first, with their ingestion status. */
  attachments: FileRecord[];
}

export class GetConversation extends Query<ConversationWithMessages> {
  constructor(
    readonly actor: Actor,
    readonly conversationId: string,
  ) {
    super();
  }
}
