import type { ParsedDocument } from '../domain/parsed-document';
import { SectionCollector } from './section-collector';

// A first line this short, standing alone above the body, is the document's title.
const TITLE_MAX_CHARS = 200;
const TITLE_THEN_BODY = /^[ \t]*([^\n]+?)[ \t]*\n[ \t]*\n([\s\S]*\S[\s\S]*)$/;

/**
 * Plain text has no markup, but a short first line followed by a blank line is how text files
 * give their title; it becomes the heading of every chunk, so a passage far from the top still
 * carries what the document is about.
 */
export function parseText(text: string, maxTextChars: number): ParsedDocument {
  const collector = new SectionCollector(maxTextChars);
  const normalized = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*\n/, '');
  const titled = TITLE_THEN_BODY.exec(normalized);
  if (titled && titled[1].length <= TITLE_MAX_CHARS) {
    collector.heading(1, titled[1]);
    collector.paragraph(titled[2]);
  } else {
    collector.paragraph(normalized);
  }
  return { pageCount: null, sections: collector.finish() };
}
