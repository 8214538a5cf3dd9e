import type { ParsedDocument } from '../domain/parsed-document';
import { SectionCollector } from './section-collector';

export function parseText(text: string, maxTextChars: number): ParsedDocument {
  const collector = new SectionCollector(maxTextChars);
  collector.paragraph(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  return { pageCount: null, sections: collector.finish() };
}
