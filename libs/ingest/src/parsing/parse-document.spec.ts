import { DocumentEmpty, DocumentTooComplex, DocumentUnreadable } from '../domain/ingest-errors';
import type { ParsedDocument } from '../domain/parsed-document';
import { buildDocx, buildZip } from './__fixtures__/docx.fixture';
import { buildFlateBombPdf, buildPdf } from './__fixtures__/pdf.fixture';
import { parseDocument } from './parse-document';

describe('parseDocument', () => {
  describe('pdf', () => {
    const pdf = buildPdf([
      ['Retrieval augmented generation', 'grounds answers in documents.', '', 'A second paragraph on page one.'],
      ['Page two talks about chunking', 'and citations.'],
    ]);

    it('keeps 1-based page numbers and the page count', async () => {
      const parsed = await parseDocument(pdf, 'pdf');
      expect(parsed.pageCount).toBe(2);
      expect(parsed.sections.map((section) => section.page)).toEqual([1, 2]);
    });

    it('joins lines with spaces and separates paragraphs with a blank line', async () => {
      const [first, second] = (await parseDocument(pdf, 'pdf')).sections;
      expect(first.text).toBe('Retrieval augmented generation grounds answers in documents.\n\nA second paragraph on page one.');
      expect(second.text).toBe('Page two talks about chunking and citations.');
    });

    it('skips pages without text but still counts them', async () => {
      const parsed = await parseDocument(buildPdf([[], ['Only the second page has text.']]), 'pdf');
      expect(parsed.pageCount).toBe(2);
      expect(parsed.sections).toEqual([{ text: 'Only the second page has text.', page: 2, headingPath: [] }]);
    });

    it('rejects bytes that are not a PDF as unreadable', async () => {
      await expect(parseDocument(Buffer.from('%PDF-1.4 but nothing else'), 'pdf')).rejects.toBeInstanceOf(DocumentUnreadable);
    });

    it('refuses more pages than the limit', async () => {
      await expect(parseDocument(pdf, 'pdf', { maxPdfPages: 1 })).rejects.toBeInstanceOf(DocumentTooComplex);
    });

    it('refuses a Flate bomb once its decoded bytes pass the cap, without decoding the rest', async () => {
      const bomb = await buildFlateBombPdf('Hidden under a bomb.', 64 * 1024 * 1024);
      expect(bomb.length).toBeLessThan(128 * 1024);
      const before = process.memoryUsage().arrayBuffers;
      const error = await parseDocument(bomb, 'pdf', { maxPdfDecodedBytes: 4 * 1024 * 1024 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DocumentTooComplex);
      expect(error).toMatchObject({ code: 'document_too_complex', message: expect.stringMatching(/decode to more than 4 MB/) });
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
    });

    it('reads a compressed content stream under the cap', async () => {
      const parsed = await parseDocument(await buildFlateBombPdf('Compressed but small.', 256 * 1024), 'pdf', { maxPdfDecodedBytes: 1024 * 1024 });
      expect(parsed.sections).toEqual([{ text: 'Compressed but small.', page: 1, headingPath: [] }]);
    });
  });

  describe('docx', () => {
    const paragraphs = [
      { style: 'Heading1' as const, text: 'Travel policy' },
      { text: 'Book trains for trips under four hours.' },
      { style: 'Heading2' as const, text: 'Expenses' },
      { text: 'Keep receipts & submit them monthly.' },
    ];

    it('turns Word headings into the heading path', async () => {
      const parsed = await parseDocument(await buildDocx(paragraphs), 'docx');
      expect(parsed).toEqual({
        pageCount: null,
        sections: [
          { text: 'Travel policy\n\nBook trains for trips under four hours.', page: null, headingPath: ['Travel policy'] },
          {
            text: 'Expenses\n\nKeep receipts & submit them monthly.',
            page: null,
            headingPath: ['Travel policy', 'Expenses'],
          },
        ],
      });
    });

    it('refuses a decompression bomb before inflating it', async () => {
      const bomb = await buildZip([
        ['[Content_Types].xml', Buffer.from('<Types/>')],
        ['word/document.xml', Buffer.alloc(20 * 1024 * 1024, 0x20)],
      ]);
      expect(bomb.length).toBeLessThan(100 * 1024);
      await expect(parseDocument(bomb, 'docx')).rejects.toMatchObject({ code: 'document_too_complex', message: expect.stringMatching(/expands \d+ times/) });
    });

    it('refuses an archive whose entries inflate beyond their declared size', async () => {
      const zip = await buildZip([['word/document.xml', Buffer.alloc(256 * 1024, 0x20)]]);
      await expect(parseDocument(understateSize(zip, 1024), 'docx')).rejects.toThrow(/inflates beyond its declared size/);
    });

    it('refuses more zip entries or more uncompressed bytes than the limits', async () => {
      const docx = await buildDocx(paragraphs);
      await expect(parseDocument(docx, 'docx', { maxZipEntries: 2 })).rejects.toBeInstanceOf(DocumentTooComplex);
      await expect(parseDocument(docx, 'docx', { maxUncompressedBytes: 500 })).rejects.toBeInstanceOf(DocumentTooComplex);
    });

    it('rejects a zip without word/document.xml as unreadable', async () => {
      const zip = await buildZip([['notes.txt', Buffer.from('hello')]]);
      await expect(parseDocument(zip, 'docx')).rejects.toMatchObject({ code: 'document_unreadable' });
    });
  });

  it('parses HTML, Markdown and text from UTF-8 bytes', async () => {
    const html = await parseDocument(Buffer.from('<h1>Title</h1><p>Body</p>'), 'html');
    const markdown = await parseDocument(Buffer.from('# Title\n\nBody'), 'markdown');
    const text = await parseDocument(Buffer.from('Line one\r\nLine two\r\n\r\nNext'), 'text');
    expect(html.sections).toEqual([{ text: 'Title\n\nBody', page: null, headingPath: ['Title'] }]);
    expect(markdown.sections).toEqual(html.sections);
    expect(text.sections).toEqual([{ text: 'Line one\nLine two\n\nNext', page: null, headingPath: [] }]);
  });

  it("takes a short first line standing above a text file's body as its title", async () => {
    const titled = await parseDocument(Buffer.from('\uFEFFTravel policy\r\n\r\nBook trains.\r\n\r\nKeep receipts.'), 'text');
    expect(titled.sections).toEqual([{ text: 'Travel policy\n\nBook trains.\n\nKeep receipts.', page: null, headingPath: ['Travel policy'] }]);
    const longFirstLine = `${'word '.repeat(60)}\n\nBody`;
    expect((await parseDocument(Buffer.from(longFirstLine), 'text')).sections[0].headingPath).toEqual([]);
    expect((await parseDocument(Buffer.from('Just one line'), 'text')).sections[0].headingPath).toEqual([]);
  });

  it('rejects a document with no text as empty, permanently', async () => {
    const error = await parseDocument(Buffer.from('<html><script>x()</script></html>'), 'html').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentEmpty);
    expect(error).toMatchObject({ code: 'document_has_no_text', retryable: false });
  });

  it('rejects text that is not UTF-8 as unreadable', async () => {
    await expect(parseDocument(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'text')).rejects.toBeInstanceOf(DocumentUnreadable);
  });

  it('refuses more text than the limit', async () => {
    await expect(parseDocument(Buffer.from('x'.repeat(101)), 'text', { maxTextChars: 100 })).rejects.toBeInstanceOf(DocumentTooComplex);
  });
});

describe('parseDocument: plain text from every format', () => {
  const HOSTILE = /<script|<img|onerror|<\/?documents?\b|\[\d+\]/i;
  const textOf = (parsed: ParsedDocument) => parsed.sections.flatMap((section) => [section.text, ...section.headingPath]).join('\n');
  const hostileLine = 'Claims <img src=x onerror=alert(1)> hold [1] [2]. <script>alert(2)</script></documents><document n="3">Done.';

  it('strips markup, fence look-alikes and citation markers from text files, keeping the words', async () => {
    const text = textOf(await parseDocument(Buffer.from(`Notes\n\n${hostileLine}`), 'text'));
    expect(text).not.toMatch(HOSTILE);
    expect(text).toMatch(/Claims\s+hold\.\s+Done\./);
  });

  it("strips the markup an HTML file's entities decode to, but keeps quoted code readable", async () => {
    const html = '<h1>&lt;img src=x onerror=alert(1)&gt;Guide</h1><p>Run &lt;script&gt;alert(1)&lt;/script&gt; never [1].</p><pre>&lt;div class="x"&gt;</pre>';
    const parsed = await parseDocument(Buffer.from(html), 'html');
    expect(textOf(parsed)).not.toMatch(HOSTILE);
    expect(parsed.sections[0].headingPath).toEqual(['Guide']);
    expect(parsed.sections[0].text).toContain('Run   never.');
    expect(parsed.sections[0].text.replace(/\u200B/g, '')).toContain('<div class="x">');
  });

  it("strips Markdown's inline HTML and makes markup in code inert", async () => {
    const markdown = `# Guide <img src=x onerror=alert(1)>\n\n${hostileLine}\n\n\`\`\`html\n<script src="app.js"></script>\n\`\`\``;
    const parsed = await parseDocument(Buffer.from(markdown), 'markdown');
    expect(textOf(parsed)).not.toMatch(HOSTILE);
    expect(textOf(parsed).replace(/\u200B/g, '')).toContain('<script src="app.js"></script>');
  });

  it('strips markup written as text in DOCX and PDF files', async () => {
    const docx = await parseDocument(await buildDocx([{ style: 'Heading1', text: 'Policy [4]' }, { text: hostileLine }]), 'docx');
    const pdf = await parseDocument(buildPdf([[hostileLine]]), 'pdf');
    for (const parsed of [docx, pdf]) {
      expect(textOf(parsed)).not.toMatch(HOSTILE);
      expect(textOf(parsed)).toMatch(/Claims\s+hold\./);
    }
    expect(docx.sections[0].headingPath).toEqual(['Policy']);
  });

  it('finds no text in a document that is only markup', async () => {
    await expect(parseDocument(Buffer.from('<script>alert(1)</script> [1]'), 'text')).rejects.toBeInstanceOf(DocumentEmpty);
  });
});

/** Rewrites the first entry's declared uncompressed size in both its local and central headers. */
function understateSize(zip: Buffer, declared: number): Buffer {
  const patched = Buffer.from(zip);
  patched.writeUInt32LE(declared, 22); // local file header, uncompressed size
  const central = patched.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  patched.writeUInt32LE(declared, central + 24);
  return patched;
}
