import { fuseByReciprocalRank } from './reciprocal-rank-fusion';

describe('fuseByReciprocalRank', () => {
  it('ranks an id found high in both lists above ids found in one list only', () => {
    const fused = fuseByReciprocalRank([
      ['a', 'b', 'c'],
      ['d', 'b', 'a'],
    ]);
    expect(fused.map((r) => r.id)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('scores each id as the sum of 1 / (k + rank) with k = 60 by default', () => {
    const [first] = fuseByReciprocalRank([['a'], ['x', 'a']]);
    expect(first.id).toBe('a');
    expect(first.score).toBeCloseTo(1 / 61 + 1 / 62, 12);
  });

  it('uses the given k', () => {
    const [first] = fuseByReciprocalRank([['a']], { k: 0 });
    expect(first.score).toBe(1);
  });

  it('multiplies each list contribution by its weight', () => {
    const fused = fuseByReciprocalRank([['a'], ['b']], { weights: [1, 2] });
    expect(fused.map((r) => r.id)).toEqual(['b', 'a']);
    expect(fused[0].score).toBeCloseTo(2 / 61, 12);
  });

  it('breaks ties by first appearance so the order is deterministic', () => {
    const fused = fuseByReciprocalRank([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(fused.map((r) => r.id)).toEqual(['a', 'b']);
    expect(fused[0].score).toBe(fused[1].score);
  });

  it('counts an id repeated within one list only at its best rank', () => {
    const [first] = fuseByReciprocalRank([['a', 'a', 'a']]);
    expect(first.score).toBeCloseTo(1 / 61, 12);
  });

  it('returns nothing for no lists or empty lists', () => {
    expect(fuseByReciprocalRank([])).toEqual([]);
    expect(fuseByReciprocalRank([[], []])).toEqual([]);
  });

  it('refuses a weight count that does not match the list count', () => {
    expect(() => fuseByReciprocalRank([['a'], ['b']], { weights: [1] })).toThrow(RangeError);
  });

  it('does not modify its input', () => {
    const lists = [['b', 'a'], ['a']];
    fuseByReciprocalRank(lists);
    expect(lists).toEqual([['b', 'a'], ['a']]);
  });
});
