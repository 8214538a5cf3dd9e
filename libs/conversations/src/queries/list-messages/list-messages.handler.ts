import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor } from '@app/kernel';
import { ValidationFailed } from '@app/platform';
import { ConversationRepository, MessageRepository } from '../../conversations.ports';
import { ConversationNotFound } from '../../domain/conversation-errors';
import { ListMessages } from './list-messages.query';

const notOurs = () => new ValidationFailed([{ field: 'cursor', problem: 'is not a cursor this API issued' }]);

@QueryHandler(ListMessages)
export class ListMessagesHandler implements IQueryHandler<ListMessages> {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
  ) {}

  async execute({ actor, conversationId, order, limit, cursor }: ListMessages) {
    const conversation = await this.conversations.findOwned(conversationId, actor.userId);
    if (!conversation) throw new ConversationNotFound(conversationId);
    const position = cursor === undefined ? null : decodeCursor(cursor);
    if (cursor !== undefined && !position) throw notOurs();
    // A cursor names the last message of the page before; one of another conversation (or of
    // nobody's) was not issued for this one.
    const after = position ? await this.messages.findOwned(position.id, actor.userId) : null;
    if (position && (!after || after.conversationId !== conversation.id)) throw notOurs();
    const rows = await this.messages.branchPage(conversation.id, order, after?.id ?? null, limit + 1);
    const last = rows.length > limit ? rows[limit - 1].message : null;
    return { items: rows.slice(0, limit), nextCursor: last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null };
  }
}
