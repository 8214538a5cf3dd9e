import { CitationGuard, guardCitations } from './citation-guard';

function streamThrough(guard: CitationGuard, pieces: string[]): string {
  return pieces.map((piece) => guard.push(piece)).join('') + guard.flush();
}

describe('CitationGuard', () => {
  it('passes valid markers and removes [7] when only 3 citations exist', () => {
    expect(guardCitations('A [1]. B [7]. C [3].', 3).text).toBe('A [1]. B . C [3].');
  });

  it('holds back a partial marker until it can decide', () => {
    const guard = new CitationGuard(12);
    expect(guard.push('Fact [1')).toBe('Fact ');
    expect(guard.push('2')).toBe('');
    expect(guard.push('] more')).toBe('[12] more');
  });

  it('drops a marker split across tokens when its number is invalid', () => {
    const guard = new CitationGuard(3);
    expect(streamThrough(guard, ['x [', '1', '3', '] y'])).toBe('x  y');
  });

  it('passes brackets that are not markers', () => {
    expect(guardCitations('see [note] and [a1] and [', 2).text).toBe('see [note] and [a1] and [');
  });

  it('keeps only the valid numbers of a grouped marker', () => {
    expect(guardCitations('x [1, 7, 2].', 3).text).toBe('x [1][2].');
  });

  it('drops an unfinished marker at the end of the stream', () => {
    const guard = new CitationGuard(3);
    expect(streamThrough(guard, ['end [2'])).toBe('end ');
  });

  it('rejects [0] and any marker when there are no citations', () => {
    expect(guardCitations('a [0] b [1]', 0).text).toBe('a  b ');
  });

  it('reports which citations were used', () => {
    expect(guardCitations('a [3] b [1] c [3] d [9]', 3).cited).toEqual([1, 3]);
  });

  it('gives the same text streamed word by word as whole', () => {
    const text = 'The fee is 40 EUR [2]. Refunds take 5 days [1][4]. Ask HR [3, 1].';
    const words = text.split(/(?<=\s)/);
    const streamed = streamThrough(new CitationGuard(3), words);
    const charByChar = streamThrough(new CitationGuard(3), [...text]);
    expect(streamed).toBe(guardCitations(text, 3).text);
    expect(charByChar).toBe(guardCitations(text, 3).text);
    expect(streamed).toBe('The fee is 40 EUR [2]. Refunds take 5 days [1]. Ask HR [3][1].');
  });
});
