/** The chat model the processes run: the local extractive model, or one LangChain's initChatModel creates. */
export type ChatModelChoice = { provider: 'local' } | { provider: string; model: string };

export const CHAT_MODEL_PATTERN = /^(local|[a-z][a-z0-9_-]*:\S+)$/;

/**
 * `CHAT_MODEL` (`local` or `provider:model`) when set; otherwise what the older pair said:
 * `CHAT_PROVIDER=openai` with `OPENAI_CHAT_MODEL`, or the local model.
 */
export function chatModelChoice(values: { CHAT_MODEL?: string; CHAT_PROVIDER: 'local' | 'openai'; OPENAI_CHAT_MODEL: string }): ChatModelChoice {
  const setting = values.CHAT_MODEL ?? (values.CHAT_PROVIDER === 'openai' ? `openai:${values.OPENAI_CHAT_MODEL}` : 'local');
  if (setting === 'local') return { provider: 'local' };
  const colon = setting.indexOf(':');
  return { provider: setting.slice(0, colon), model: setting.slice(colon + 1) };
}
