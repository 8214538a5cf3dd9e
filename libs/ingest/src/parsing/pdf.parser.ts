import { dirname, join } from 'node:path';
import { DocumentTooComplex, DocumentUnreadable } from '../domain/ingest-errors';
import type { ParsedDocument, ParsedSection } from '../domain/parsed-document';
import type { ParseLimits } from './parse-limits';
import { DecodedBytesBudget, withDecodedBytesBudget } from './pdf-decoded-bytes';
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
  const pdfjs = await loadPdfjs();
  const decoded = new DecodedBytesBudget(limits.maxPdfDecodedBytes);
  return withDecodedBytesBudget(decoded, () => readPdf(pdfjs, bytes, limits, decoded));
}

async function readPdf({ getDocument, VerbosityLevel }: Pdfjs, bytes: Buffer, limits: ParseLimits, decoded: DecodedBytesBudget): Promise<ParsedDocument> {
  // Past the cap pdf.js was handed cut-off streams: whatever it made of them is not the document.
  const refuseOverrun = () => {
    if (decoded.exceeded) throw new DocumentTooComplex(`its compressed streams decode to more than ${Math.round(decoded.limit / 1024 / 1024)} MB`);
  };
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
      refuseOverrun();
      throw new DocumentUnreadable('pdf', describeLoadFailure(error));
    });
    refuseOverrun();
    if (pdf.numPages > limits.maxPdfPages) {
      throw new DocumentTooComplex(`${pdf.numPages} pages, more than ${limits.maxPdfPages}`);
    }
    const sections: ParsedSection[] = [];
    let totalChars = 0;
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent().finally(refuseOverrun);
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
