import type { AppConfig } from '@app/platform';

/**
 * What every OpenAI-compatible call shares. Servers that need no key (vLLM, Ollama, llama.cpp)
 * still get one, since the client refuses to start without; LangChain retries failed calls with
 * backoff (and a 429's Retry-After up to a minute), so the count is kept small: a reader waits
 * through every retry, and a stuck provider should end the answer with an error, not hold it.
 */
export function openAiClientOptions(config: AppConfig, use: 'chat' | 'embeddings') {
  const baseUrl = (use === 'embeddings' ? config.get('OPENAI_EMBEDDING_BASE_URL') : undefined) ?? config.get('OPENAI_BASE_URL');
  const apiKey = (use === 'embeddings' ? config.get('OPENAI_EMBEDDING_API_KEY') : undefined) ?? config.get('OPENAI_API_KEY');
  return {
    apiKey: apiKey ?? (baseUrl ? 'no-key' : undefined),
    configuration: baseUrl ? { baseURL: baseUrl } : undefined,
    timeout: config.get('OPENAI_TIMEOUT_MS'),
    maxRetries: config.get('OPENAI_MAX_RETRIES'),
  };
}
