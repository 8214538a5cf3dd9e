import { parseMarkdown } from './markdown.parser';

const parse = (markdown: string) => parseMarkdown(markdown, 1_000_000).sections;

describe('parseMarkdown', () => {
  it('builds the heading path from ATX and setext headings', () => {
    const sections = parse('Guide\n=====\n\nIntro.\n\n## Install\n\nSteps.\n\n### Linux\n\nUse apt.\n\n# Other\n\nMore.');
    expect(sections.map((section) => section.headingPath)).toEqual([['Guide'], ['Guide', 'Install'], ['Guide', 'Install', 'Linux'], ['Other']]);
  });

  it('keeps code blocks as text with their line breaks', () => {
    const [section] = parse('Run this:\n\n```sh\nnpm install\nnpm test\n```');
    expect(section.text).toBe('Run this:\n\nnpm install\nnpm test');
  });

  it('strips inline markup but keeps link and image text', () => {
    const [section] = parse('Some **bold**, _em_, `code` and a [link](https://x.test) plus ![a chart](c.png).');
    expect(section.text).toBe('Some bold, em, code and a link plus a chart.');
  });

  it('drops YAML front matter instead of reading it as a heading', () => {
    const sections = parse('---\ntitle: Policy\ntags: [a]\n---\n\nBody text.');
    expect(sections).toEqual([{ text: 'Body text.', page: null, headingPath: [] }]);
  });

  it('reads the text of embedded HTML without its scripts', () => {
    const [section] = parse('Before.\n\n<div>\n<script>evil()</script>\n<p>Inside HTML.</p>\n</div>\n\nAfter.');
    expect(section.text).toBe('Before.\n\nInside HTML.\n\nAfter.');
  });

  it('reads lists, quotes and tables', () => {
    const [section] = parse('- one\n- two\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(section.text).toBe('one\n\ntwo\n\nquoted\n\na | b\n\n1 | 2');
  });
});
