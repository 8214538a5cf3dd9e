import type { ConversationTurn } from '../agent/answer-graph.deps';

const CHARACTERS_PER_TOKEN = 4;

/** A rough token count (about four characters a token in English), enough to bound a prompt. */
function estimatedTokens(text: string): number {
  return Math.ceil(text.length / CHARACTERS_PER_TOKEN);
}

/**
 * How many characters of history to read for a bound of `maxTokens`: once the turns read hold
 * more text than this, their estimate is past the bound too, so nothing older can be kept.
 */
export function historyCharacterBound(maxTokens: number): number {
  return maxTokens * CHARACTERS_PER_TOKEN;
}

/**
 * The newest earlier turns that fit in `maxTokens`, oldest first. Bounded by size, not by a count
 * of messages, so one long answer cannot push the rest out unnoticed nor leave the prompt
 * unbounded; a turn that does not fit whole is left out (a cut answer would mislead the model),
 * and so is everything older, so the model never sees a gap in the middle. The question itself
 * is never part of it: it always goes to the model.
 */
export function boundedHistory(turns: readonly ConversationTurn[], maxTokens: number): ConversationTurn[] {
  const kept: ConversationTurn[] = [];
  let used = 0;
  for (let i = turns.length - 1; i >= 0; i--) {
    used += estimatedTokens(turns[i].content);
    if (used > maxTokens) break;
    kept.push(turns[i]);
  }
  // An answer without its question reads as the model's own words out of nowhere.
  if (kept.at(-1)?.role === 'assistant') kept.pop();
  return kept.reverse();
}
