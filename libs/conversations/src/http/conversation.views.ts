import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FileView } from '@app/files';
import type { ConversationSummary } from '../conversations.ports';
import type { Conversation } from '../domain/conversation';
import type { MessageRole, MessageStatus } from '../domain/message';
import type { BranchMessage } from '../domain/message-branches';

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

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The message this one follows on its branch; null for the first' })
  parentId!: string | null;

  @ApiProperty({ minimum: 1, description: 'How many versions there are at this point (regenerated answers, edited questions); 1 when none' })
  siblingCount!: number;

  @ApiProperty({ minimum: 1, description: 'Which of them this is, from 1, oldest first' })
  siblingIndex!: number;

  @ApiProperty({ type: [String], description: 'The versions’ ids, oldest first (this one among them): switch with POST /conversations/{id}/messages/{messageId}/show' })
  siblingIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'The attachments a question was asked with (`attachmentIds` of POST /chat); empty for answers' })
  attachmentIds!: string[];
}

export class ConversationDetailView extends ConversationView {
  @ApiProperty({ type: [MessageView], description: 'The branch shown, oldest first; other versions are reached through siblingIds' })
  messages!: MessageView[];

  @ApiProperty({ type: [FileView], description: 'Its attachments, oldest first, with their ingestion status (`visibility: "conversation"`)' })
  attachments!: FileView[];
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

export const toMessageView = ({ message, siblingIds, siblingIndex }: BranchMessage): MessageView => ({
  id: message.id,
  role: message.role,
  content: message.content,
  citations: message.citations,
  status: message.status,
  ...(message.finishReason ? { finishReason: message.finishReason } : {}),
  createdAt: message.createdAt,
  parentId: message.parentId,
  siblingCount: siblingIds.length,
  siblingIndex,
  siblingIds,
  attachmentIds: message.attachmentIds,
});
