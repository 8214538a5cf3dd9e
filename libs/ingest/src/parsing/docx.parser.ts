import mammoth from 'mammoth';
import { DocumentUnreadable } from '../domain/ingest-errors';
import type { ParsedDocument } from '../domain/parsed-document';
import { guardDocxArchive } from './docx-archive-guard';
import { parseHtml } from './html.parser';
import type { ParseLimits } from './parse-limits';

// Images would otherwise be inlined as base64 data URIs: large, and no text to index.
const dropImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/** Word headings become HTML h1–h6 through mammoth, so the HTML parser builds the heading path. */
export async function parseDocx(bytes: Buffer, limits: ParseLimits): Promise<ParsedDocument> {
  await guardDocxArchive(bytes, limits);
  const result = await mammoth.convertToHtml({ buffer: bytes }, { convertImage: dropImages }).catch((error: unknown) => {
    throw new DocumentUnreadable('docx', error instanceof Error ? error.message : String(error));
  });
  return parseHtml(result.value, limits.maxTextChars);
}
