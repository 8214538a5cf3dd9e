import { Message } from './message';
import { activeBranch, branchBefore } from './message-branches';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
const q = (id: string, minute: number, parent: string | null) => Message.fromUser(id, 'c', id, at(minute), parent);
const a = (id: string, minute: number, parent: string) => Message.answerStarting(id, 'c', at(minute), parent);
const shown = (messages: Message[]) => activeBranch(messages).map(({ message, siblingIndex, siblingIds }) => `${message.id} ${siblingIndex}/${siblingIds.length}`);

describe('activeBranch', () => {
  const linear = [q('q1', 1, null), a('a1', 1, 'q1'), q('q2', 2, 'a1'), a('a2', 2, 'q2')];

  it.each([
    ['a linear conversation, in order, each message alone', linear, ['q1 1/1', 'a1 1/1', 'q2 1/1', 'a2 1/1']],
    ['an answer regenerated: the newer version shown, as 2 of 2', [...linear, a('a2b', 3, 'q2')], ['q1 1/1', 'a1 1/1', 'q2 1/1', 'a2b 2/2']],
    ['a question edited: the new branch shown, the old one left out of the path', [...linear, q('q1b', 4, null), a('a1b', 4, 'q1b')], ['q1b 2/2', 'a1b 1/1']],
    ['an empty conversation', [], []],
  ])('%s', (_, messages, expected) => {
    expect(shown(messages)).toEqual(expected);
  });

  it('shows the version switched to (its selectedAt renewed), and the branch under it', () => {
    const messages = [...linear, q('q1b', 4, null), a('a1b', 4, 'q1b')];
    messages.find((message) => message.id === 'q1')!.selectedAt = at(5);
    expect(shown(messages)).toEqual(['q1 1/2', 'a1 1/1', 'q2 1/1', 'a2 1/1']);
  });

  it('orders a question before its answer written in the same millisecond', () => {
    expect(shown([a('a1', 1, 'q1'), q('q1', 1, null)])).toEqual(['q1 1/1', 'a1 1/1']);
  });
});

describe('branchBefore', () => {
  it('is the path from the first message to the one before, whatever other branches hold', () => {
    const messages = [q('q1', 1, null), a('a1', 1, 'q1'), q('q2', 2, 'a1'), a('a2', 2, 'q2'), q('q2b', 3, 'a1'), a('a2b', 3, 'q2b')];
    expect(branchBefore(messages, 'q2b').map((message) => message.id)).toEqual(['q1', 'a1']);
    expect(branchBefore(messages, 'a2').map((message) => message.id)).toEqual(['q1', 'a1', 'q2']);
    expect(branchBefore(messages, 'q1')).toEqual([]);
  });
});
