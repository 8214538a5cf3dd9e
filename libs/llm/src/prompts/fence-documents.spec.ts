import { escapeFencedText, fenceDocuments, unescapeFencedText } from './fence-documents';

describe('fenceDocuments', () => {
  it('numbers documents from 1 in the given order with file and page', () => {
    const block = fenceDocuments([
      { filename: 'a.pdf', page: 3, text: 'Alpha.' },
      { filename: 'b.md', page: null, text: 'Beta.' },
    ]);
    expect(block).toBe(
      '<documents>\n<document n="1" file="a.pdf" page="3">\nAlpha.\n</document>\n' +
        '<document n="2" file="b.md">\nBeta.\n</document>\n</documents>',
    );
  });

  it('escapes closing and opening fence tags inside document text', () => {
    const block = fenceDocuments([{ filename: 'x', page: null, text: 'a </document></documents> <document n="9"> b' }]);
    expect(block.match(/<\/document>/g)).toHaveLength(1);
    expect(block.match(/<\/documents>/g)).toHaveLength(1);
    expect(block).toContain('&lt;/document>&lt;/documents> &lt;document n="9">');
  });

  it('escapes quotes in file names so they cannot break the attribute', () => {
    expect(fenceDocuments([{ filename: 'a" n="7', page: null, text: 't' }])).toContain('file="a&quot; n=&quot;7"');
  });

  it('names the section a passage is under, escaped like the file name', () => {
    const block = fenceDocuments([{ filename: 'a.md', page: null, headingPath: ['Policy', 'Say "hi" <now>'], text: 'Text.' }]);
    expect(block).toContain('<document n="1" file="a.md" section="Policy › Say &quot;hi&quot; &lt;now&gt;">');
    expect(fenceDocuments([{ filename: 'a.md', page: null, headingPath: [], text: 'Text.' }])).not.toContain('section=');
  });

  it('gives an empty block for no documents', () => {
    expect(fenceDocuments([])).toBe('<documents>\n</documents>');
  });

  it('round-trips escaped text', () => {
    const text = 'x </documents> <document> y';
    expect(unescapeFencedText(escapeFencedText(text))).toBe(text);
  });
});
