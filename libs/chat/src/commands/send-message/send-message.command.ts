import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';
import type { ScopeFilters } from '@app/retrieval';
import type { ChatStarted } from './chat-events';

export class SendMessage extends Command<ChatStarted> {
  constructor(
    readonly actor: Actor,
    readonly conversationId: string | null,
    readonly message: string,
    readonly filters: ScopeFilters = {},
    /** When the request reached the process (`performance.now()`): the chat metrics count from there. */
    readonly receivedAt: number = performance.now(),
  ) {
    super();
  }
}
