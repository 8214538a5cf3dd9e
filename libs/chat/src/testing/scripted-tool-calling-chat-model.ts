import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import { BaseChatModel, type BaseChatModelCallOptions, type BindToolsInput } from '@langchain/core/language_models/chat_models';
import { AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';

/** One scripted model turn: tool calls, or the answer's text in the given pieces. */
export type ScriptedTurn = { toolCalls: { name: string; args: Record<string, unknown> }[] } | { text: string[]; usage?: { input: number; output: number } } | { fail: Error };

/**
 * A tool-calling chat model that plays a script, one turn per call, and records what it was
 * given (messages and the names of the tools bound), so a test can assert what the agent sent.
 */
export class ScriptedToolCallingChatModel extends BaseChatModel {
  readonly calls: { messages: BaseMessage[]; tools: string[] }[] = [];
  private turn = 0;

  constructor(private readonly script: ScriptedTurn[]) {
    super({});
  }

  _llmType(): string {
    return 'scripted-tool-calling';
  }

  override bindTools(tools: BindToolsInput[], kwargs?: Partial<BaseChatModelCallOptions>) {
    return this.withConfig({ tools, ...kwargs } as Partial<BaseChatModelCallOptions>);
  }

  async _generate(messages: BaseMessage[], options: this['ParsedCallOptions'], runManager?: CallbackManagerForLLMRun): Promise<ChatResult> {
    let whole: ChatGenerationChunk | undefined;
    for await (const chunk of this._streamResponseChunks(messages, options, runManager)) whole = whole ? whole.concat(chunk) : chunk;
    return { generations: whole ? [whole] : [] };
  }

  override async *_streamResponseChunks(messages: BaseMessage[], options: this['ParsedCallOptions'], runManager?: CallbackManagerForLLMRun): AsyncGenerator<ChatGenerationChunk> {
    const tools = ((options as { tools?: { name?: string }[] }).tools ?? []).map((tool) => tool.name ?? '?');
    this.calls.push({ messages: [...messages], tools });
    const turn = this.script[this.turn++];
    if (!turn) throw new Error(`the script has no turn ${this.turn}`);
    if ('fail' in turn) throw turn.fail;
    if ('toolCalls' in turn) {
      const message = new AIMessageChunk({
        content: '',
        tool_call_chunks: turn.toolCalls.map((call, index) => ({ name: call.name, args: JSON.stringify(call.args), id: `call_${this.turn}_${index}`, index, type: 'tool_call_chunk' })),
        response_metadata: { finish_reason: 'tool_calls' },
      });
      yield new ChatGenerationChunk({ message, text: '' });
      return;
    }
    for (const [index, text] of turn.text.entries()) {
      if (options.signal?.aborted) throw options.signal.reason;
      const last = index === turn.text.length - 1;
      const message = new AIMessageChunk({
        content: text,
        response_metadata: last ? { finish_reason: 'stop' } : {},
        usage_metadata: last && turn.usage ? { input_tokens: turn.usage.input, output_tokens: turn.usage.output, total_tokens: turn.usage.input + turn.usage.output } : undefined,
      });
      const chunk = new ChatGenerationChunk({ message, text });
      yield chunk;
      // As a provider does: the whole chunk goes to the callbacks, which is what LangGraph streams.
      await runManager?.handleLLMNewToken(text, undefined, undefined, undefined, undefined, { chunk });
      // Lets a test's stop land between pieces, as it would between a real model's tokens.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
