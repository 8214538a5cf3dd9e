export type MessageRole = 'user' | 'assistant';
/** `streaming` only while an answer is being generated; every other status is final. */
export type MessageStatus = 'streaming' | 'complete' | 'interrupted' | 'failed';

/**
 * How an answer ended, finer than its status: a stop the asker requested and an answer cut
 * short by the client leaving or the process ending are both `interrupted` to readers.
 */
export type AnswerEnding = 'complete' | 'stopped' | 'interrupted' | 'failed';

export interface MessageCitation {
  n: number;
  fileId: string;
  filename: string;
  chunkId: string;
  page: number | null;
  score: number;
  snippet: string;
  /** Set for web results, whose fileId and chunkId are the URL too. */
  url?: string;
}

export interface MessageUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

/** How an assistant message ended. */
export interface AssistantOutcome {
  status: Exclude<MessageStatus, 'streaming'>;
  content: string;
  citations: MessageCitation[];
  finishReason: string | null;
  usage: MessageUsage | null;
  errorCode: string | null;
  ending: AnswerEnding;
}

export class Message {
  /** A question's attachments (file ids) it was asked with; none for an answer. */
  attachmentIds: string[] = [];

  constructor(
    readonly id: string,
    readonly conversationId: string,
    readonly role: MessageRole,
    public content: string,
    public citations: MessageCitation[],
    public status: MessageStatus,
    public finishReason: string | null,
    public usage: MessageUsage | null,
    public errorCode: string | null,
    readonly createdAt: Date,
    public updatedAt: Date,
    /** The message this one follows on its branch (a question's: the answer before it); null for the first. */
    readonly parentId: string | null = null,
    /** When this version was last chosen among its siblings: the newest chosen is shown. */
    public selectedAt: Date = createdAt,
    /** Null for questions and for answers still streaming. */
    public ending: AnswerEnding | null = null,
  ) {}

  static fromUser(id: string, conversationId: string, content: string, now: Date, parentId: string | null = null): Message {
    return new Message(id, conversationId, 'user', content, [], 'complete', null, null, null, now, now, parentId, now);
  }

  /** The answer's row, created empty when generation starts and filled as it streams. */
  static answerStarting(id: string, conversationId: string, now: Date, parentId: string | null = null): Message {
    return new Message(id, conversationId, 'assistant', '', [], 'streaming', null, null, null, now, now, parentId, now);
  }

  isStreaming(): boolean {
    return this.status === 'streaming';
  }
}
