import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { initChatModel } from 'langchain';
import { chatModelChoice, type AppConfig } from '@app/platform';
import { LocalExtractiveChatModel } from '../chat/local-extractive-chat-model';
import { openAiClientOptions } from './openai-client';
import { StreamCheckedChatModel } from './stream-checked-chat-model';

/**
 * The chat model `CHAT_MODEL` names. `provider:model` goes to LangChain's initChatModel, which
 * loads that provider's package (only `@langchain/openai` is installed); the OpenAI settings
 * (base URL, key, timeout, retries, usage) apply to `openai`, any other provider reads its own.
 */
export async function chatModelFromConfig(config: AppConfig): Promise<BaseChatModel> {
  const choice = chatModelChoice({ CHAT_MODEL: config.get('CHAT_MODEL'), CHAT_PROVIDER: config.get('CHAT_PROVIDER'), OPENAI_CHAT_MODEL: config.get('OPENAI_CHAT_MODEL') });
  if (!('model' in choice)) return new LocalExtractiveChatModel({ tokenDelayMs: config.get('LOCAL_CHAT_TOKEN_DELAY_MS') });
  const fields =
    choice.provider === 'openai'
      ? { ...openAiClientOptions(config, 'chat'), streamUsage: config.get('OPENAI_STREAM_USAGE') }
      : { timeout: config.get('OPENAI_TIMEOUT_MS'), maxRetries: config.get('OPENAI_MAX_RETRIES') };
  const configurable = await initChatModel(choice.model, { modelProvider: choice.provider, ...fields });
  // The configurable wrapper only forwards whole calls; the checks need the provider's own stream.
  return new StreamCheckedChatModel(await configurable._getModelInstance(), config.get('OPENAI_TIMEOUT_MS'));
}
