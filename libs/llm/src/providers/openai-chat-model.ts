import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import type { BaseMessage } from '@langchain/core/messages';
import type { ChatGenerationChunk } from '@langchain/core/outputs';
import { ChatOpenAI } from '@langchain/openai';
import type { AppConfig } from '@app/platform';
import { openAiClientOptions } from './openai-client';

export class StreamCutShort extends Error {
  constructor() {
    super('the answer stream ended before the model said it had finished (no finish_reason)');
  }
}

export class StreamStalled extends Error {
  constructor(ms: number) {
    super(`the answer stream sent nothing for ${ms} ms`);
  }
}

/**
 * ChatOpenAI that tells a cut or stalled stream from a finished one. The wire protocol ends
 * every answer with a `finish_reason`; a stream that ends without one was cut (a proxy or the
 * server gave up between chunks), and LangChain would hand its fragment on as a whole answer.
 * The client's timeout ends at the response's first byte, so a server that starts an answer
 * and then sends nothing more would hold it until the reader gave up; the same timeout, counted
 * between chunks from the first one on (before it the request may still be waiting out a
 * retry), ends it instead.
 */
class ChatOpenAiCompatible extends ChatOpenAI {
  override async *_streamResponseChunks(messages: BaseMessage[], options: this['ParsedCallOptions'], runManager?: CallbackManagerForLLMRun): AsyncGenerator<ChatGenerationChunk> {
    const idleMs = this.timeout ?? 60_000;
    const stalled = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const signal = options.signal ? AbortSignal.any([options.signal, stalled.signal]) : stalled.signal;
    let finished = false;
    try {
      for await (const chunk of super._streamResponseChunks(messages, { ...options, signal }, runManager)) {
        if (timer) timer.refresh();
        else timer = setTimeout(() => stalled.abort(new StreamStalled(idleMs)), idleMs);
        finished ||= chunk.generationInfo?.finish_reason != null;
        yield chunk;
      }
    } catch (error) {
      if (stalled.signal.aborted && !options.signal?.aborted) throw stalled.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
    }
    if (stalled.signal.aborted && !options.signal?.aborted) throw stalled.signal.reason;
    if (!finished && !options.signal?.aborted) throw new StreamCutShort();
  }
}

export function openAiChatModel(config: AppConfig): ChatOpenAI {
  return new ChatOpenAiCompatible({ ...openAiClientOptions(config, 'chat'), model: config.get('OPENAI_CHAT_MODEL'), streamUsage: config.get('OPENAI_STREAM_USAGE') });
}
