import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/kernel';
import type { Actor } from '@app/platform';
import type { ConversationSummary } from '../../conversations.ports';

export class ListConversations extends Query<Page<ConversationSummary>> {
  constructor(
    readonly actor: Actor,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
