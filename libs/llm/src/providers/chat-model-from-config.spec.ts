import type { ChatOpenAI } from '@langchain/openai';
import { AppConfig, parseConfig } from '@app/platform';
import { LocalExtractiveChatModel } from '../chat/local-extractive-chat-model';
import { chatModelFromConfig } from './chat-model-from-config';
import { StreamCheckedChatModel } from './stream-checked-chat-model';

const base = {
  DATABASE_URL: 'postgresql://u:p@localhost:5432/db',
  REDIS_URL: 'redis://localhost:6379',
  CHROMA_URL: 'http://localhost:8000',
  JWT_SECRET: 'kP3q9vX2mZ7wL5tR8yB1nC6hF4jD0sGaQeUiOo9-_xYz',
};
const configWith = (env: Record<string, string>) => AppConfig.of(parseConfig({ ...base, ...env }));
const providerOf = (model: unknown) => (model as { provider: unknown }).provider;

describe('chatModelFromConfig', () => {
  it('makes the local model by default', async () => {
    expect(await chatModelFromConfig(configWith({}))).toBeInstanceOf(LocalExtractiveChatModel);
  });

  it('makes the OpenAI model CHAT_MODEL names through initChatModel, with every OpenAI setting, behind the stream checks', async () => {
    const model = await chatModelFromConfig(
      configWith({ CHAT_MODEL: 'openai:served-model', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_TIMEOUT_MS: '1234', OPENAI_MAX_RETRIES: '5', OPENAI_STREAM_USAGE: 'false' }),
    );
    expect(model).toBeInstanceOf(StreamCheckedChatModel);
    const openai = providerOf(model) as ChatOpenAI;
    // initChatModel imports the provider's ESM build, so the class is not this file's CommonJS one.
    expect(openai.constructor.name).toBe('ChatOpenAI');
    expect(openai).toMatchObject({ model: 'served-model', timeout: 1234, streamUsage: false, apiKey: 'no-key' });
    // LangChain keeps the retry count on the model's caller, which does the retrying.
    expect((openai as unknown as { caller: { maxRetries: number } }).caller.maxRetries).toBe(5);
    expect(openai.clientConfig).toMatchObject({ baseURL: 'http://127.0.0.1:9/v1' });
  });

  it('keeps the older CHAT_PROVIDER=openai with OPENAI_CHAT_MODEL working', async () => {
    const model = await chatModelFromConfig(configWith({ CHAT_PROVIDER: 'openai', OPENAI_CHAT_MODEL: 'older-name', OPENAI_API_KEY: 'sk-test' }));
    expect(providerOf(model)).toMatchObject({ model: 'older-name', apiKey: 'sk-test' });
  });

  it('stops the start-up, naming the package, for a provider that is not installed', async () => {
    await expect(chatModelFromConfig(configWith({ CHAT_MODEL: 'anthropic:claude-sonnet-4-5' }))).rejects.toThrow(/@langchain\/anthropic/);
  });

  it('keeps the stream checks on a model with tools bound', async () => {
    const model = await chatModelFromConfig(configWith({ CHAT_MODEL: 'openai:served-model', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }));
    const bound = model.bindTools!([{ type: 'function', function: { name: 'search_documents', parameters: { type: 'object', properties: {} } } }]);
    expect((bound as unknown as { bound: unknown }).bound).toBe(model);
  });
});
