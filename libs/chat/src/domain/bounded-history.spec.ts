import type { ConversationTurn } from '../agent/answer-graph.deps';
import { boundedHistory } from './bounded-history';

const turn = (role: 'user' | 'assistant', tokens: number, tag: string): ConversationTurn => ({ role, content: `${tag}${'x'.repeat(tokens * 4 - tag.length)}` });
const tags = (turns: ConversationTurn[]) => turns.map((t) => t.content.slice(0, 2));

describe('boundedHistory', () => {
  const q1 = turn('user', 10, 'q1');
  const a1 = turn('assistant', 100, 'a1');
  const q2 = turn('user', 10, 'q2');
  const a2 = turn('assistant', 30, 'a2');

  it.each([
    ['everything when it fits', 1000, ['q1', 'a1', 'q2', 'a2']],
    ['the newest pair when the long answer before it does not fit', 60, ['q2', 'a2']],
    ['nothing rather than an answer without its question', 35, []],
    ['nothing with no room', 0, []],
  ])('keeps %s', (_, maxTokens, expected) => {
    expect(tags(boundedHistory([q1, a1, q2, a2], maxTokens))).toEqual(expected);
  });

  it('leaves no gap: an older short turn is not kept past a long one that did not fit', () => {
    expect(tags(boundedHistory([q1, a1, q2, a2], 45 + 10))).toEqual(['q2', 'a2']);
  });
});
