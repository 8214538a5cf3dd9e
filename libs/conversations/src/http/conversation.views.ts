import type { ConversationSummary } from '../conversations.ports';
import type { Conversation } from '../domain/conversation';
import type { Message } from '../domain/message';

export const toConversationView = (conversation: Conversation, messageCount: number) => ({
  id: conversation.id,
  title: conversation.title,
  createdAt: conversation.createdAt,
  updatedAt: conversation.updatedAt,
  messageCount,
});

export const toSummaryView = ({ id, title, createdAt, updatedAt, messageCount }: ConversationSummary) => ({
  id,
  title,
  createdAt,
  updatedAt,
  messageCount,
});

export const toMessageView = (message: Message) => ({
  id: message.id,
  role: message.role,
  content: message.content,
  citations: message.citations,
  status: message.status,
  ...(message.finishReason ? { finishReason: message.finishReason } : {}),
  createdAt: message.createdAt,
});
