import { DocumentEmpty, DocumentTooComplex, DocumentUnreadable } from '../domain/ingest-errors';
import { buildDocx, buildZip } from '../parsing/__fixtures__/docx.fixture';
import { nestedListMarkdown, quadraticMarkdown } from '../parsing/__fixtures__/hostile-markdown.fixture';
import { buildFlateBombPdf, buildPdf } from '../parsing/__fixtures__/pdf.fixture';
import { parseDocument } from '../parsing/parse-document';
import type { ParseBudget } from './parse-budget';
import { ThreadedDocumentParser } from './threaded-document-parser';

const budget: ParseBudget = { threads: 2, cpuMs: 1_000, memoryMb: 256, wallClockMs: 120_000 };

describe('ThreadedDocumentParser', () => {
  const parser = new ThreadedDocumentParser(budget);
  afterAll(() => parser.onApplicationShutdown());

  it('gives the same sections as parsing in this thread, for every format', async () => {
    // A thread's first parse also loads the parsers' modules, CPU time a loaded CI machine can
    // stretch past the 1 s budget the other cases use; this case is about the sections only.
    const roomy = new ThreadedDocumentParser({ ...budget, cpuMs: 60_000 });
    const documents: Array<[Buffer, Parameters<typeof parseDocument>[1]]> = [
      [buildPdf([['Page one text.'], ['Page two text.']]), 'pdf'],
      [await buildDocx([{ style: 'Heading1', text: 'Policy' }, { text: 'Body & more.' }]), 'docx'],
      [Buffer.from('<h1>Guide</h1><p>Use &lt;b&gt; sparingly [1].</p>'), 'html'],
      [Buffer.from('# Guide\n\nSome **bold** text.'), 'markdown'],
      [Buffer.from('Title\n\nBody.'), 'text'],
    ];
    try {
      for (const [bytes, type] of documents) {
        expect(await roomy.parse(bytes, type)).toEqual(await parseDocument(bytes, type));
      }
    } finally {
      await roomy.onApplicationShutdown();
    }
  });

  it('hands rejections back with their class and code', async () => {
    await expect(parser.parse(Buffer.from('<script>x()</script>'), 'html')).rejects.toBeInstanceOf(DocumentEmpty);
    const unreadable = await parser.parse(Buffer.from('%PDF-1.4 nothing else'), 'pdf').catch((error: unknown) => error);
    expect(unreadable).toBeInstanceOf(DocumentUnreadable);
    expect(unreadable).toMatchObject({ code: 'document_unreadable', message: expect.stringMatching(/^The pdf document could not be read/) });
    const bomb = await buildZip([['word/document.xml', Buffer.alloc(20 * 1024 * 1024, 0x20)]]);
    const tooComplex = await parser.parse(bomb, 'docx').catch((error: unknown) => error);
    expect(tooComplex).toBeInstanceOf(DocumentTooComplex);
    expect(tooComplex).toMatchObject({ reason: expect.stringMatching(/expands \d+ times/) });
  });

  it('refuses to parse once shut down, with an error worth retrying elsewhere', async () => {
    const stopping = new ThreadedDocumentParser(budget);
    await stopping.onApplicationShutdown();
    const error = await stopping.parse(Buffer.from('Late.'), 'text').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toHaveProperty('retryable', false);
    expect((error as Error).message).toMatch(/shutting down/);
  });

  it('stops a quadratic Markdown document at its CPU budget while another thread parses the next document', async () => {
    const hostile = parser.parse(Buffer.from(quadraticMarkdown(60_000)), 'markdown').catch((error: unknown) => error);
    let hostileSettled = false;
    void hostile.then(() => (hostileSettled = true));
    const ordinary = await parser.parse(Buffer.from('# Ordinary\n\nParsed meanwhile.'), 'markdown');
    expect(ordinary.sections[0].headingPath).toEqual(['Ordinary']);
    expect(hostileSettled).toBe(false);
    const error = await hostile;
    expect(error).toBeInstanceOf(DocumentTooComplex);
    expect(error).toMatchObject({ code: 'document_too_complex', message: 'The document is too complex to process: reading it takes more than 1 s of processing time' });
    expect((await parser.parse(Buffer.from('After the stop.'), 'text')).sections[0].text).toBe('After the stop.');
  });

  it('stops a document that needs more memory than the budget', async () => {
    const lean = new ThreadedDocumentParser({ ...budget, threads: 1, cpuMs: 120_000, memoryMb: 64 });
    try {
      const error = await lean.parse(Buffer.from(nestedListMarkdown(1_200)), 'markdown').catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'document_too_complex', message: expect.stringMatching(/more than 64 MB of memory/) });
      expect((await lean.parse(Buffer.from('Still parsing.'), 'text')).sections[0].text).toBe('Still parsing.');
    } finally {
      await lean.onApplicationShutdown();
    }
  });

  it('counts inflated buffers against the memory budget, not only the heap', async () => {
    // Without the document cap on decoded bytes, only the budget stands between a bomb and the process.
    const uncapped = new ThreadedDocumentParser({ ...budget, threads: 1, cpuMs: 120_000, memoryMb: 96 }, { maxPdfDecodedBytes: Number.MAX_SAFE_INTEGER });
    try {
      const error = await uncapped.parse(await buildFlateBombPdf('Bomb.', 400 * 1024 * 1024), 'pdf').catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'document_too_complex', message: expect.stringMatching(/more than 96 MB of memory/) });
    } finally {
      await uncapped.onApplicationShutdown();
    }
  });
});
