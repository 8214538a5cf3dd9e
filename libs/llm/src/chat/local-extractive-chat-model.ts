import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import { BaseChatModel, type BaseChatModelParams } from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, type BaseMessage, type UsageMetadata } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import { composeExtractiveAnswer, replyWithoutDocuments, type ExtractiveAnswerOptions } from './extractive-answer';
import { readGenerationPrompt } from './generation-prompt-reader';

export interface LocalExtractiveChatModelFields extends BaseChatModelParams, ExtractiveAnswerOptions {
  /**
   * Pause between streamed words, a hosted model's streaming pace. The first word is not
   * delayed: this model's time to first token is its own work, not a hosted model's.
   */
  tokenDelayMs?: number;
  /** Without a pause, words streamed between yields to the event loop (where a stop is noticed). */
  wordsPerYield?: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * The local chat model: no network and no weights. It reads the question and the fenced
 * documents out of the rendered generation prompt (the last human message), answers with the
 * most relevant sentences cited as [n], and streams the answer word by word. Token counts in
 * `usage_metadata` are word counts, the nearest honest measure a model without a tokenizer has.
 */
export class LocalExtractiveChatModel extends BaseChatModel {
  private readonly tokenDelayMs: number;
  private readonly wordsPerYield: number;
  private readonly answerOptions: ExtractiveAnswerOptions;

  constructor(fields: LocalExtractiveChatModelFields = {}) {
    super(fields);
    this.tokenDelayMs = fields.tokenDelayMs ?? 0;
    this.wordsPerYield = Math.max(1, fields.wordsPerYield ?? 8);
    this.answerOptions = { maxSentences: fields.maxSentences, minAnswerCoverage: fields.minAnswerCoverage };
  }

  static override lc_name(): string {
    return 'LocalExtractiveChatModel';
  }

  _llmType(): string {
    return 'local-extractive';
  }

  answerTo(messages: BaseMessage[]): string {
    const prompt = [...messages].reverse().find((message) => message.getType() === 'human')?.text ?? '';
    const { question, documents } = readGenerationPrompt(prompt);
    return documents.length === 0 ? replyWithoutDocuments(question) : composeExtractiveAnswer(question, documents, this.answerOptions);
  }

  async _generate(messages: BaseMessage[], options: this['ParsedCallOptions']): Promise<ChatResult> {
    options.signal?.throwIfAborted();
    const text = this.answerTo(messages);
    const message = new AIMessage({ content: text, usage_metadata: this.usageOf(messages, text), response_metadata: { finish_reason: 'stop' } });
    return { generations: [{ text, message, generationInfo: { finish_reason: 'stop' } }] };
  }

  override async *_streamResponseChunks(messages: BaseMessage[], options: this['ParsedCallOptions'], runManager?: CallbackManagerForLLMRun): AsyncGenerator<ChatGenerationChunk> {
    const text = this.answerTo(messages);
    const words = text.match(/\s*\S+/g) ?? [];
    for (const [index, word] of words.entries()) {
      if (index > 0) await this.pauseBefore(index);
      options.signal?.throwIfAborted();
      yield new ChatGenerationChunk({ text: word, message: new AIMessageChunk({ content: word }) });
      await runManager?.handleLLMNewToken(word);
    }
    yield new ChatGenerationChunk({
      text: '',
      message: new AIMessageChunk({ content: '', usage_metadata: this.usageOf(messages, text), response_metadata: { finish_reason: 'stop' } }),
      generationInfo: { finish_reason: 'stop' },
    });
  }

  // A timer per word cost more than the word: without a delay, yield only every few words.
  private async pauseBefore(wordIndex: number) {
    if (this.tokenDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.tokenDelayMs));
    else if (wordIndex % this.wordsPerYield === 0) await yieldToEventLoop();
  }

  private usageOf(messages: BaseMessage[], answer: string): UsageMetadata {
    const input = messages.reduce((sum, message) => sum + countWords(message.text), 0);
    const output = countWords(answer);
    return { input_tokens: input, output_tokens: output, total_tokens: input + output };
  }
}
