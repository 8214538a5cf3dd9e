export { ConversationsModule } from './conversations.module';
export { ConversationRepository, MessageRepository, type ConversationSummary } from './conversations.ports';
export { Conversation } from './domain/conversation';
export { Message, type AssistantOutcome, type MessageCitation, type MessageStatus, type MessageUsage } from './domain/message';
export { activeBranch, branchBefore, type BranchMessage } from './domain/message-branches';
export { ConversationNotFound, MessageNotFound } from './domain/conversation-errors';
export { CitationView } from './http/conversation.views';
