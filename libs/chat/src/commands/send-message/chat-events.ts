import type { AgentStatus, AnswerUsage, Citation, FinishReason } from '../../agent/answer-graph.deps';

export interface ChatIds {
  conversationId: string;
  userMessageId: string;
  assistantMessageId: string;
}

/** The events of one answer after `meta`, in the order API.md gives them; `data` is what goes on the wire. */
export type ChatEvent =
  | { event: 'status'; data: AgentStatus }
  | { event: 'token'; data: { text: string } }
  | { event: 'citations'; data: { citations: Citation[] } }
  | { event: 'done'; data: { assistantMessageId: string; finishReason: FinishReason; usage?: AnswerUsage } }
  | { event: 'error'; data: { code: string; message: string } };

/** What `SendMessage` hands back once the question and the answer's row are saved. */
export interface ChatStarted {
  ids: ChatIds;
  /**
   * The answer's events, already being produced. Leaving the loop early (or calling `return`)
   * means the reader has gone: the answer stops and is stored `interrupted`.
   */
  events: AsyncIterable<ChatEvent>;
}
