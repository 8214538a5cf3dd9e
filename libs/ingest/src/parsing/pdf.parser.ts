import { dirname, join } from 'node:path';
import { DocumentTooComplex, DocumentUnreadable } from '../domain/ingest-errors';
import type { ParsedDocument, ParsedSection } from '../domain/parsed-document';
import type { ParseLimits } from './parse-limits';
import { layoutPageText } from './pdf-text-layout';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<Pdfjs> | undefined;

// pdf.js is ESM-only. In Node it runs its "worker" on the main thread and would import the
// worker module by a relative URL; registering it on globalThis first avoids that lookup,
// which Jest and bundled builds cannot follow.
function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

export async function parsePdf(bytes: Buffer, limits: ParseLimits): Promise<ParsedDocument> {
  const { getDocument, VerbosityLevel } = await loadPdfjs();
  const task = getDocument({
    data: new Uint8Array(bytes), // pdf.js may take ownership of the array it is given
    verbosity: VerbosityLevel.ERRORS,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
    cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
    cMapPacked: true,
  });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      throw new DocumentUnreadable('pdf', describeLoadFailure(error));
    });
    if (pdf.numPages > limits.maxPdfPages) {
      throw new DocumentTooComplex(`${pdf.numPages} pages, more than ${limits.maxPdfPages}`);
    }
    const sections: ParsedSection[] = [];
    let totalChars = 0;
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      page.cleanup();
      const text = layoutPageText(content.items.filter((item) => 'str' in item));
      totalChars += text.length;
      if (totalChars > limits.maxTextChars) {
        throw new DocumentTooComplex(`more than ${limits.maxTextChars} characters of text`);
      }
      if (text) sections.push({ text, page: pageNumber, headingPath: [] });
    }
    return { pageCount: pdf.numPages, sections };
  } finally {
    await task.destroy();
  }
}

function describeLoadFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return 'it is protected by a password';
  if (name === 'InvalidPDFException') return 'it is not a valid PDF';
  return error instanceof Error ? error.message : String(error);
}
