export { ConversationsModule } from './conversations.module';
export { ConversationRepository, MessageRepository } from './conversations.ports';
export { Conversation } from './domain/conversation';
export { Message, type AnswerEnding, type AssistantOutcome, type MessageCitation } from './domain/message';
export { ConversationNotFound, MessageNotFound } from './domain/conversation-errors';
export { CitationView } from './http/conversation.views';
