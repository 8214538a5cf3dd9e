import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor } from '@app/kernel';
import { ValidationFailed } from '@app/platform';
import { ConversationRepository } from '../../conversations.ports';
import { ListConversations } from './list-conversations.query';

@QueryHandler(ListConversations)
export class ListConversationsHandler implements IQueryHandler<ListConversations> {
  constructor(private readonly conversations: ConversationRepository) {}

  async execute({ actor, limit, cursor }: ListConversations) {
    const after = cursor === undefined ? null : decodeCursor(cursor);
    if (cursor !== undefined && !after) throw new ValidationFailed([{ field: 'cursor', problem: 'is not a cursor this API issued' }]);
    const rows = await this.conversations.listOwned(actor.userId, limit + 1, after);
    const last = rows.length > limit ? rows[limit - 1] : null;
    return { items: rows.slice(0, limit), nextCursor: last ? encodeCursor({ at: last.updatedAt.toISOString(), id: last.id }) : null };
  }
}
