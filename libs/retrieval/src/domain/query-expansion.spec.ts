import { expandQuery, NO_EXPANSION } from './query-expansion';

describe('expandQuery', () => {
  it('adds related words below the query’s own, closest first, and never the query’s words', () => {
    const { words, weights } = expandQuery('How many waves does the rollout have?', { weight: 0.3, maxWords: 12 });
    expect(words).toContain('roll');
    expect(weights[words.indexOf('roll')]).toBeCloseTo(0.24);
    expect(words).not.toContain('rollout');
    expect(words).not.toContain('waves');
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
  });

  it('counts an irregular form as fully as the word, times the word’s weight', () => {
    const { words, weights } = expandQuery('when do we pay', { weight: 0.3, maxWords: 12 });
    expect(weights[words.indexOf('paid')]).toBe(1);
  });

  it('searches for no nominalization of a verb', () => {
    expect(expandQuery('Can I fly business class?', { weight: 0.3, maxWords: 12 }).words).not.toContain('flight');
  });

  it('searches for no word where the question asks for a number', () => {
    const { words } = expandQuery('How long are backups kept?', { weight: 0.3, maxWords: 12 });
    expect(words.length).toBeGreaterThan(0);
    expect(words).not.toContain('');
  });

  it('keeps at most maxWords and none with a zero weight', () => {
    expect(expandQuery('weekend sick leave home training release', { weight: 0.3, maxWords: 3 }).words).toHaveLength(3);
    expect(expandQuery('weekend', { weight: 0, maxWords: 12 })).toBe(NO_EXPANSION);
    expect(expandQuery('', { weight: 0.3, maxWords: 12 })).toEqual(NO_EXPANSION);
  });
});
