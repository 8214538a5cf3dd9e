import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import { BaseChatModel, type BaseChatModelCallOptions, type BindToolsInput } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';
import type { ChatGenerationChunk, ChatResult } from '@langchain/core/outputs';

class StreamCutShort extends Error {
  constructor() {
    super('the answer stream ended before the model said it had finished (no finish_reason)');
  }
}

class StreamStalled extends Error {
  constructor(ms: number) {
    super(`the answer stream sent nothing for ${ms} ms`);
  }
}

function saysFinished(chunk: ChatGenerationChunk): boolean {
  const info = chunk.generationInfo ?? {};
  const metadata: Record<string, unknown> = chunk.message.response_metadata ?? {};
  return info.finish_reason != null || metadata.finish_reason != null || metadata.stop_reason != null;
}

/**
 * A provider's chat model that tells a cut or stalled stream from a finished one. The OpenAI
 * wire protocol ends every answer with a `finish_reason`; a stream that ends without one was cut
 * (a proxy or the server gave up between chunks), and LangChain would hand its fragment on as a
 * whole answer. The client's timeout ends at the response's first byte, so a server that starts
 * an answer and then sends nothing more would hold it until the reader gave up; the same timeout,
 * counted between chunks from the first one on (before it the request may still be waiting out a
 * retry), ends it instead.
 *
 * It wraps the model initChatModel made rather than subclassing it, so any provider can stand
 * behind it; binding tools keeps the checks (a bound ChatOpenAI is a fresh instance).
 */
export class StreamCheckedChatModel extends BaseChatModel {
  constructor(
    private readonly provider: BaseChatModel,
    private readonly idleMs: number,
  ) {
    super({});
  }

  // Read by the base class's constructor, before `provider` is set.
  _llmType(): string {
    return 'stream-checked';
  }

  override bindTools(tools: BindToolsInput[], kwargs?: Partial<BaseChatModelCallOptions>) {
    // The provider turns the tools into its own wire form for each call, as its bindTools would.
    return this.withConfig({ tools, ...kwargs } as Partial<BaseChatModelCallOptions>);
  }

  async _generate(messages: BaseMessage[], options: this['ParsedCallOptions'], runManager?: CallbackManagerForLLMRun): Promise<ChatResult> {
    return this.provider._generate(messages, options, runManager);
  }

  override async *_streamResponseChunks(messages: BaseMessage[], options: this['ParsedCallOptions'], runManager?: CallbackManagerForLLMRun): AsyncGenerator<ChatGenerationChunk> {
    const stalled = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const signal = options.signal ? AbortSignal.any([options.signal, stalled.signal]) : stalled.signal;
    let finished = false;
    try {
      for await (const chunk of this.provider._streamResponseChunks(messages, { ...options, signal }, runManager)) {
        if (timer) timer.refresh();
        else timer = setTimeout(() => stalled.abort(new StreamStalled(this.idleMs)), this.idleMs);
        finished ||= saysFinished(chunk);
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
