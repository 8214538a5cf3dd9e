import { DomainError } from '@app/kernel';

export class ConversationNotFound extends DomainError {
  readonly kind = 'not_found';
  constructor(id: string) {
    super('conversation_not_found', `Conversation ${id} does not exist`);
  }
}

export class InvalidConversationTitle extends DomainError {
  readonly kind = 'invalid';
  constructor(problem: string) {
    super('invalid_conversation_title', `title ${problem}`, [{ field: 'title', problem }]);
  }
}

export class MessageNotFound extends DomainError {
  readonly kind = 'not_found';
  constructor(id: string) {
    super('message_not_found', `Message ${id} does not exist`);
  }
}
