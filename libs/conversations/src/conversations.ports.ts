import type { Cursor } from '@app/kernel';
import type { Conversation } from './domain/conversation';
import type { AssistantOutcome, Message } from './domain/message';

export interface ConversationSummary {
  id: string;
  title: string | null;
  createdAt: Date;
  updatedAt: Date;
  messageCount: number;
}

export abstract class ConversationRepository {
  /** Null when it does not exist or belongs to someone else: callers cannot tell which. */
  abstract findOwned(id: string, userId: string): Promise<Conversation | null>;
  /** Newest activity first (updatedAt, then id, descending), after the cursor. */
  abstract listOwned(userId: string, limit: number, after: Cursor | null): Promise<ConversationSummary[]>;
  abstract save(conversation: Conversation): Promise<void>;
  /** Saves the conversation and adds the messages in one transaction, in the given order. */
  abstract saveWithMessages(conversation: Conversation, messages: Message[]): Promise<void>;
  /** Deletes the conversation with its messages. */
  abstract delete(conversation: Conversation): Promise<void>;
}

export abstract class MessageRepository {
  /** Oldest first. */
  abstract listOf(conversationId: string): Promise<Message[]>;
  /** The last `limit` messages, oldest first. */
  abstract recentOf(conversationId: string, limit: number): Promise<Message[]>;
  /** An assistant message in a conversation the user owns; null otherwise. */
  abstract findOwnedAnswer(messageId: string, userId: string): Promise<Message | null>;
  /** A message of either role in a conversation the user owns; null otherwise. */
  abstract findOwned(messageId: string, userId: string): Promise<Message | null>;
  /** Makes this version the one shown among its siblings (its `selectedAt` becomes `now`). */
  abstract choose(messageId: string, now: Date): Promise<void>;
  /** Stores the answer streamed so far; a no-op once the message is no longer streaming. */
  abstract saveProgress(messageId: string, content: string, now: Date): Promise<void>;
  /** Ends a streaming answer; a no-op when something else already ended it. */
  abstract finish(messageId: string, outcome: AssistantOutcome, now: Date): Promise<void>;
  /** Answers still marked streaming, with their owners. */
  abstract listStreaming(): Promise<Array<{ messageId: string; userId: string }>>;
  /** Marks these streaming answers interrupted, keeping what they hold. */
  abstract markInterrupted(messageIds: string[], now: Date): Promise<number>;
}
