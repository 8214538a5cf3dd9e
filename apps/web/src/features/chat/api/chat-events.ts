import type { Citation } from '@/lib/api/types';

/** The SSE events of POST /chat (API.md, "Chat (SSE)"). */
export type ChatEvent =
  | { event: 'meta'; data: { conversationId: string; userMessageId: string; assistantMessageId: string } }
  | { event: 'status'; data: { step: string; detail?: string } }
  | { event: 'token'; data: { text: string } }
  | { event: 'citations'; data: { citations: Citation[] } }
  | { event: 'done'; data: { assistantMessageId: string; finishReason: 'stop' | 'length' | 'stopped' } }
  | { event: 'error'; data: { code: string; message: string; requestId: string } };
