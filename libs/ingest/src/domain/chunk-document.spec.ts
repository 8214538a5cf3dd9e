import { chunkDocument, chunkId } from './chunk-document';
import type { ParsedDocument } from './parsed-document';

const sentence = (n: number) => `Sentence number ${n} talks about a topic in a few words.`;
const paragraphOf = (from: number, count: number) => Array.from({ length: count }, (_, i) => sentence(from + i)).join(' ');

function oneSection(text: string, page: number | null = null, headingPath: string[] = []): ParsedDocument {
  return { pageCount: page, sections: [{ text, page, headingPath }] };
}

function longestPrefixThatEnds(text: string, previous: string, maxLength: number): string {
  for (let length = maxLength; length > 0; length--) {
    if (previous.endsWith(text.slice(0, length))) return text.slice(0, length);
  }
  return '';
}

describe('chunkDocument', () => {
  it('keeps a short section as one chunk with its page and heading path', () => {
    const chunks = chunkDocument(oneSection('A short text.', 3, ['Guide', 'Setup']));
    expect(chunks).toEqual([{ index: 0, text: 'A short text.', page: 3, headingPath: ['Guide', 'Setup'] }]);
  });

  it('never lets a chunk span two pages', () => {
    const document: ParsedDocument = {
      pageCount: 2,
      sections: [
        { text: paragraphOf(0, 3), page: 1, headingPath: [] },
        { text: paragraphOf(100, 3), page: 2, headingPath: [] },
      ],
    };
    const chunks = chunkDocument(document);
    expect(chunks.map((chunk) => chunk.page)).toEqual([1, 2]);
    expect(chunks[1].text).not.toContain('number 0 ');
    expect(chunks.map((chunk) => chunk.index)).toEqual([0, 1]);
  });

  it('cuts long text on sentence boundaries near the target length', () => {
    const chunks = chunkDocument(oneSection(paragraphOf(0, 60)), { targetChars: 500, overlapChars: 0 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(500);
      expect(chunk.text).toMatch(/^Sentence number \d+ .*\.$/s);
    }
  });

  it('prefers paragraph boundaries and keeps paragraphs apart with a blank line', () => {
    const text = [paragraphOf(0, 4), paragraphOf(10, 4), paragraphOf(20, 4)].join('\n\n');
    const chunks = chunkDocument(oneSection(text), { targetChars: 500, overlapChars: 0 });
    expect(chunks.map((chunk) => chunk.text)).toEqual([`${paragraphOf(0, 4)}\n\n${paragraphOf(10, 4)}`, paragraphOf(20, 4)]);
  });

  it('starts each chunk with whole sentences from the end of the previous one', () => {
    const chunks = chunkDocument(oneSection(paragraphOf(0, 40)), { targetChars: 400, overlapChars: 120 });
    expect(chunks.length).toBeGreaterThan(3);
    for (let i = 1; i < chunks.length; i++) {
      const previous = chunks[i - 1].text;
      const repeated = longestPrefixThatEnds(chunks[i].text, previous, 120);
      expect(repeated).toMatch(/^Sentence number \d+ .*\.$/);
    }
  });

  it('hard-splits a run of text with no spaces at all', () => {
    const chunks = chunkDocument(oneSection('x'.repeat(2500)), { targetChars: 1000, overlapChars: 0 });
    expect(chunks.map((chunk) => chunk.text.length)).toEqual([1000, 1000, 500]);
  });

  it('skips empty and whitespace-only sections and numbers the rest without gaps', () => {
    const document: ParsedDocument = {
      pageCount: 3,
      sections: [
        { text: 'First page.', page: 1, headingPath: [] },
        { text: '  \n\n\t ', page: 2, headingPath: [] },
        { text: 'Third page.', page: 3, headingPath: ['Annex'] },
      ],
    };
    expect(chunkDocument(document)).toEqual([
      { index: 0, text: 'First page.', page: 1, headingPath: [] },
      { index: 1, text: 'Third page.', page: 3, headingPath: ['Annex'] },
    ]);
  });

  it('gives the same chunks for the same document', () => {
    const document = oneSection(paragraphOf(0, 50), null, ['A']);
    expect(chunkDocument(document)).toEqual(chunkDocument(document));
  });

  it('refuses an overlap as long as the target', () => {
    expect(() => chunkDocument(oneSection('text'), { targetChars: 100, overlapChars: 100 })).toThrow(RangeError);
  });
});

describe('chunkId', () => {
  it('is the same UUID for the same file and index', () => {
    expect(chunkId('file-1', 0)).toBe(chunkId('file-1', 0));
    expect(chunkId('file-1', 0)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('differs between indexes and between files', () => {
    const ids = new Set([chunkId('file-1', 0), chunkId('file-1', 1), chunkId('file-2', 0), chunkId('file-11', 0)]);
    expect(ids.size).toBe(4);
  });

  it('differs between generations of one file, and keeps generation 0 as ids were before generations', () => {
    expect(chunkId('file-1', 3, 0)).toBe(chunkId('file-1', 3));
    // The id chunks of generation 0 had, written before generations existed.
    expect(chunkId('3f0c2a52-6f55-4f7e-9a43-7d2f0b0c1e11', 0)).toBe('0f77ab95-1af7-82dd-9fd5-0fb3c906b88a');
    const ids = new Set([chunkId('file-1', 1, 0), chunkId('file-1', 1, 1), chunkId('file-1', 1, 2), chunkId('file-1', 11, 1), chunkId('file-11', 1, 1)]);
    expect(ids.size).toBe(5);
    expect(chunkId('file-1', 1, 2)).toBe(chunkId('file-1', 1, 2));
  });
});
