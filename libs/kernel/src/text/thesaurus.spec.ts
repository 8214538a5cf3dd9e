import { sharedThesaurus } from './thesaurus';

describe('Thesaurus (WordNet)', () => {
  const thesaurus = sharedThesaurus();
  const related = (word: string) => thesaurus.relatedTo(word).map((r) => `${r.word}:${r.relation}`);

  it('relates a whole of few parts to its parts', () => {
    expect(related('weekend')).toEqual(expect.arrayContaining(['saturday:part', 'sunday:part']));
    expect(related('weekends')).toEqual(expect.arrayContaining(['saturday:part', 'sunday:part']));
  });

  it('leaves out the parts of a whole of many parts', () => {
    expect(related('ship').filter((r) => r.endsWith(':part'))).toEqual([]);
  });

  it('relates an adjective to the noun it is a value of, and back', () => {
    expect(related('length')).toContain('long:attribute');
    expect(related('long')).toContain('length:attribute');
  });

  it('finds synonyms of common senses only', () => {
    expect(related('sick')).toContain('ill:synonym');
    // "vomit" is sick in a sense the tagged corpus hardly uses.
    expect(related('sick')).not.toContain('vomit:synonym');
  });

  it('names a derivation that is the word’s own gerund by the noun of its synset', () => {
    // WordNet derives "flying" from "fly", in a synset with "flight".
    expect(related('fly')).toContain('flight:nominalization');
  });

  it('finds derivations, through a third word where WordNet links them so', () => {
    expect(related('deploy')).toContain('deployment:derivation');
    expect(related('respond')).toContain('response:derivation');
  });

  it('never returns the word itself or a multiword lemma', () => {
    for (const word of ['release', 'home', 'claim', 'rollout']) {
      const words = thesaurus.relatedTo(word).map((r) => r.word);
      expect(words).not.toContain(word);
      expect(words.some((w) => w.includes('_'))).toBe(false);
    }
  });

  it('splits and joins compounds of a verb and its particle and WordNet collocations', () => {
    expect(thesaurus.partsOf('rollout')).toEqual(['roll', 'out']);
    expect(thesaurus.partsOf('rollback')).toEqual(['roll', 'back']);
    expect(thesaurus.partsOf('failover')).toEqual(['fail', 'over']);
    expect(thesaurus.partsOf('weekend')).toBeNull();
    expect(thesaurus.partsOf('without')).toBeNull();
    expect(thesaurus.compoundOf('roll', 'out')).toBe('rollout');
    expect(thesaurus.compoundOf('sign', 'up')).toBe('signup');
    expect(thesaurus.compoundOf('parental', 'leave')).toBeNull();
  });

  it('does not try every cut of a token longer than any compound (found by the fuzz suite: an 8,000-letter chat message held the API)', () => {
    const wordnet = (thesaurus as unknown as { wordnet: { has: (lemma: string, pos: string) => boolean } }).wordnet;
    const has = jest.spyOn(wordnet, 'has');
    try {
      expect(thesaurus.partsOf('a'.repeat(8_000))).toBeNull();
      // The particle checks only, not thousands of cuts.
      expect(has.mock.calls.length).toBeLessThan(50);
    } finally {
      has.mockRestore();
    }
  });

  it('answers a word WordNet lacks with nothing', () => {
    expect(thesaurus.relatedTo('qwzx')).toEqual([]);
    expect(thesaurus.relatedTo('2024')).toEqual([]);
  });
});
