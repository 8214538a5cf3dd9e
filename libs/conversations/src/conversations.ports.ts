import type { Cursor } from '@app/kernel';
import type { Conversation } from './domain/conversation';
import type { AssistantOutcome, Message } from './domain/message';
import type { BranchMessage } from './domain/message-branches';

/** Which end of the branch a page starts from: its last message or its first. */
export type BranchOrder = 'newest' | 'oldest';

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
  /**
   * Up to `limit` messages (null: all) of the branch shown, in `order`, each with its versions;
   * after `after` (a message of the conversation, a previous page's last) the page goes on along
   * that message's branch. Reads only the messages it returns, however long the conversation.
   */
  abstract branchPage(conversationId: string, order: BranchOrder, after: string | null, limit: number | null): Promise<BranchMessage[]>;
  /** The last message of the branch shown, which the next question follows; null when there is none. */
  abstract shownTip(conversationId: string): Promise<Message | null>;
  /**
   * This message and those before it on its branch, newest first, until the text a history
   * keeps (answers neither failed nor streaming, nothing blank) passes `maxChars`: whatever a
   * history of that size can hold, without reading the rest of the conversation.
   */
  abstract lineage(messageId: string, maxChars: number): Promise<Message[]>;
  /** Whether an answer to this question is still being written. */
  abstract hasStreamingAnswer(questionId: string): Promise<boolean>;
  /** An assistant message in a conversation the user owns; null otherwise. */
  abstract findOwnedAnswer(messageId: string, userId: string): Promise<Message | null>;
  /** A message of either role in a conversation the user owns; null otherwise. */
  abstract findOwned(messageId: string, userId: string): Promise<Message | null>;
  /**
   * Shows this version and the path to it: it and every message before it that has other
   * versions are chosen at `now`, so the version chosen last is always on the shown branch.
   */
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
