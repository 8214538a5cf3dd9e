import { parseHtml } from './html.parser';

const parse = (html: string) => parseHtml(html, 1_000_000).sections;

describe('parseHtml', () => {
  it('leaves out script, style, noscript, template and head content', () => {
    const sections = parse(`<!doctype html><html><head><title>Tab title</title><style>p{color:red}</style></head>
      <body><script>alert("no")</script><noscript>enable js</noscript><template><p>hidden</p></template>
      <p>Visible text.</p></body></html>`);
    expect(sections).toEqual([{ text: 'Visible text.', page: null, headingPath: [] }]);
  });

  it('builds the heading path from h1 to h6, popping back at a higher heading', () => {
    const sections = parse('<h1>Guide</h1><h2>Install</h2><p>Run it.</p><h3>Linux</h3><p>apt.</p><h2>Use</h2><p>Ask.</p>');
    expect(sections.map((section) => section.headingPath)).toEqual([['Guide'], ['Guide', 'Install'], ['Guide', 'Install', 'Linux'], ['Guide', 'Use']]);
    expect(sections[1].text).toBe('Install\n\nRun it.');
  });

  it('separates block elements into paragraphs and keeps inline elements in one', () => {
    const [section] = parse('<div>One <b>bold</b> line</div><ul><li>first</li><li>second</li></ul>');
    expect(section.text).toBe('One bold line\n\nfirst\n\nsecond');
  });

  it('decodes entities and collapses whitespace outside pre', () => {
    const [section] = parse('<p>Fish &amp; chips &lt;3&nbsp;&eacute;t&#233;\n   here</p><pre>a\n  b</pre>');
    expect(section.text).toBe('Fish & chips <3 été here\n\na\n  b');
  });

  it('keeps the cells of a table row together', () => {
    const [section] = parse('<table><tr><th>Name</th><th>Role</th></tr><tr><td>Ada</td><td>Admin</td></tr></table>');
    expect(section.text).toBe('Name Role\n\nAda Admin');
  });
});
