import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ConversationSummary } from '../conversations.ports';
import type { Conversation } from '../domain/conversation';
import type { Message, MessageRole, MessageStatus } from '../domain/message';

const roles: MessageRole[] = ['user', 'assistant'];
const statuses: MessageStatus[] = ['streaming', 'complete', 'interrupted', 'failed'];

/** A source an answer cites; `[n]` in the answer refers to `n`. Document text is plain text. */
export class CitationView {
  @ApiProperty({ minimum: 1 })
  n!: number;

  @ApiProperty({ description: 'The file id (for a web result: its URL)' })
  fileId!: string;

  @ApiProperty({ description: 'Untrusted text: render as text' })
  filename!: string;

  @ApiProperty()
  chunkId!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'Page of the chunk, where the document has pages' })
  page!: number | null;

  @ApiProperty({ description: 'Relevance; higher is more relevant' })
  score!: number;

  @ApiProperty({ description: 'Untrusted text from the document: render as text' })
  snippet!: string;

  @ApiPropertyOptional({ description: 'Set for web results' })
  url?: string;
}

export class ConversationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, nullable: true, description: 'null until the first message names it' })
  title!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', description: 'Last activity' })
  updatedAt!: Date;

  @ApiProperty()
  messageCount!: number;
}

export class RenamedConversationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, nullable: true })
  title!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}

export class MessageView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: roles })
  role!: MessageRole;

  @ApiProperty({ description: 'Plain text (an answer may hold [n] citation markers)' })
  content!: string;

  @ApiProperty({ type: [CitationView] })
  citations!: CitationView[];

  @ApiProperty({ enum: statuses, description: '`streaming` while the answer is being generated' })
  status!: MessageStatus;

  @ApiPropertyOptional({ enum: ['stop', 'length', 'stopped'], description: 'How an assistant answer ended' })
  finishReason?: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}

export class ConversationDetailView extends ConversationView {
  @ApiProperty({ type: [MessageView], description: 'Oldest first' })
  messages!: MessageView[];
}

export const toConversationView = (conversation: Conversation, messageCount: number): ConversationView => ({
  id: conversation.id,
  title: conversation.title,
  createdAt: conversation.createdAt,
  updatedAt: conversation.updatedAt,
  messageCount,
});

export const toSummaryView = ({ id, title, createdAt, updatedAt, messageCount }: ConversationSummary): ConversationView => ({
  id,
  title,
  createdAt,
  updatedAt,
  messageCount,
});

export const toMessageView = (message: Message): MessageView => ({
  id: message.id,
  role: message.role,
  content: message.content,
  citations: message.citations,
  status: message.status,
  ...(message.finishReason ? { finishReason: message.finishReason } : {}),
  createdAt: message.createdAt,
});
