import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/kernel';
import type { Actor } from '@app/platform';
import type { BranchOrder } from '../../conversations.ports';
import type { BranchMessage } from '../../domain/message-branches';

/** A page of the branch a conversation shows, from its newest or its oldest message. */
export class ListMessages extends Query<Page<BranchMessage>> {
  constructor(
    readonly actor: Actor,
    readonly conversationId: string,
    readonly order: BranchOrder,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
