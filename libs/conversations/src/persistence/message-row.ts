import { Message, type AnswerEnding, type MessageCitation, type MessageRole, type MessageStatus, type MessageUsage } from '../domain/message';

/** A `messages` row as node-postgres reads it (jsonb parsed, timestamptz as Date). */
export interface MessageRow {
  id: string;
  conversation_id: string;
  role: MessageRole;
  content: string;
  citations: MessageCitation[] | null;
  status: MessageStatus;
  finish_reason: string | null;
  usage: MessageUsage | null;
  error_code: string | null;
  ending: AnswerEnding | null;
  created_at: Date;
  updated_at: Date;
  parent_id: string | null;
  selected_at: Date;
  attachment_ids: string[] | null;
}

/** The domain message of a row read by hand-written SQL (the branch walks), outside the unit of work. */
export function messageOf(row: MessageRow): Message {
  const message = new Message(
    row.id,
    row.conversation_id,
    row.role,
    row.content,
    row.citations ?? [],
    row.status,
    row.finish_reason,
    row.usage,
    row.error_code,
    new Date(row.created_at),
    new Date(row.updated_at),
    row.parent_id,
    new Date(row.selected_at),
    row.ending,
  );
  message.attachmentIds = row.attachment_ids ?? [];
  return message;
}
