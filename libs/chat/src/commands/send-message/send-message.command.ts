import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';
import type { ScopeFilters } from '@app/retrieval';
import type { ChatStarted } from './chat-events';

/**
 * A new version of an earlier turn instead of the next question: `regenerate` answers an answer's
 * question again (the answer is kept as a sibling); `edit` asks an edited question in place of a
 * user message, starting a new branch there (the old branch is kept).
 */
export type Fork = { kind: 'regenerate'; assistantMessageId: string } | { kind: 'edit'; userMessageId: string };

export class SendMessage extends Command<ChatStarted> {
  constructor(
    readonly actor: Actor,
    readonly conversationId: string | null,
    readonly message: string,
    readonly filters: ScopeFilters = {},
    /** When the request reached the process (`performance.now()`): the chat metrics count from there. */
    readonly receivedAt: number = performance.now(),
    readonly fork: Fork | null = null,
    /** Attachments of this conversation the question is asked with: recorded on it, and waited for. */
    readonly attachmentIds: readonly string[] = [],
  ) {
    super();
  }
}
