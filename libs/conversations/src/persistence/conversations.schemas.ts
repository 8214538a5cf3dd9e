import { EntitySchema } from '@mikro-orm/core';
import { Conversation } from '../domain/conversation';
import { Message } from '../domain/message';

export const ConversationSchema = new EntitySchema<Conversation>({
  class: Conversation,
  tableName: 'conversations',
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    title: { type: 'text', nullable: true },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    updatedAt: { type: 'Date', columnType: 'timestamptz' },
  },
});

export const MessageSchema = new EntitySchema<Message>({
  class: Message,
  tableName: 'messages',
  properties: {
    id: { type: 'uuid', primary: true },
    conversationId: { type: 'uuid' },
    role: { type: 'text' },
    content: { type: 'text' },
    citations: { type: 'json', columnType: 'jsonb' },
    status: { type: 'text' },
    finishReason: { type: 'text', nullable: true },
    usage: { type: 'json', columnType: 'jsonb', nullable: true },
    errorCode: { type: 'text', nullable: true },
    ending: { type: 'text', nullable: true },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    updatedAt: { type: 'Date', columnType: 'timestamptz' },
    parentId: { type: 'uuid', nullable: true },
    selectedAt: { type: 'Date', columnType: 'timestamptz' },
    attachmentIds: { type: 'json', columnType: 'jsonb', default: '[]' },
  },
});
