import { cleanDocumentText } from '@app/kernel';
import { DocumentEmpty, DocumentRejected, DocumentTooComplex, DocumentUnreadable, UnsupportedDocumentType } from '../domain/ingest-errors';
import type { DocumentType, ParsedDocument, ParsedSection } from '../domain/parsed-document';
import { parseDocx } from './docx.parser';
import { parseHtml } from './html.parser';
import { parseMarkdown } from './markdown.parser';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './parse-limits';
import { parsePdf } from './pdf.parser';
import { parseText } from './text.parser';

/**
 * Extracts the text of a document as sections with page and heading path, as plain text: no
 * markup and no `[n]` marker survives from any format. Every failure is a DocumentRejected (too
 * complex, unreadable, no text, unsupported type): permanent, so the caller should not retry.
 */
export async function parseDocument(bytes: Buffer, type: DocumentType, limits: Partial<ParseLimits> = {}): Promise<ParsedDocument> {
  const settings = { ...DEFAULT_PARSE_LIMITS, ...limits };
  let parsed: ParsedDocument;
  try {
    parsed = await parseByType(bytes, type, settings);
  } catch (error) {
    if (error instanceof DocumentRejected) throw error;
    // marked and htmlparser2's callers recurse once per level of nesting
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw new DocumentTooComplex('it is nested too deeply');
    throw new DocumentUnreadable(type, error instanceof Error ? error.message : String(error));
  }
  const sections = parsed.sections.map(toPlainSection).filter((section) => section.text.trim().length > 0);
  if (sections.length === 0) throw new DocumentEmpty();
  return { pageCount: parsed.pageCount, sections };
}

function toPlainSection(section: ParsedSection): ParsedSection {
  const headingPath = section.headingPath.map((heading) => cleanDocumentText(heading).replace(/\s+/g, ' ').trim()).filter(Boolean);
  return { ...section, text: cleanDocumentText(section.text), headingPath };
}

function parseByType(bytes: Buffer, type: DocumentType, limits: ParseLimits): Promise<ParsedDocument> | ParsedDocument {
  switch (type) {
    case 'pdf':
      return parsePdf(bytes, limits);
    case 'docx':
      return parseDocx(bytes, limits);
    case 'html':
      return parseHtml(decodeUtf8(bytes, type), limits.maxTextChars);
    case 'markdown':
      return parseMarkdown(decodeUtf8(bytes, type), limits.maxTextChars);
    case 'text':
      return parseText(decodeUtf8(bytes, type), limits.maxTextChars);
    default:
      throw new UnsupportedDocumentType(String(type satisfies never));
  }
}

function decodeUtf8(bytes: Buffer, type: DocumentType): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentUnreadable(type, 'the text is not valid UTF-8');
  }
}
