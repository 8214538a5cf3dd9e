import { DocumentTooComplex } from '../domain/ingest-errors';
import type { ParsedSection } from '../domain/parsed-document';

/**
 * Gathers paragraphs into sections, starting a new section at every heading. The heading's
 * own text opens its section so that its words stay searchable.
 */
export class SectionCollector {
  private readonly sections: ParsedSection[] = [];
  private readonly headings: Array<{ level: number; text: string }> = [];
  private paragraphs: string[] = [];
  private totalChars = 0;

  constructor(private readonly maxTextChars: number) {}

  heading(level: number, rawText: string): void {
    const text = collapseWhitespace(rawText);
    if (!text) return;
    this.flush();
    while (this.headings.length > 0 && this.headings[this.headings.length - 1].level >= level) this.headings.pop();
    this.headings.push({ level, text });
    this.paragraph(text);
  }

  paragraph(text: string): void {
    const trimmed = text.replace(/^\s*\n|\s+$/g, '');
    if (!trimmed.trim()) return;
    this.totalChars += trimmed.length;
    if (this.totalChars > this.maxTextChars) {
      throw new DocumentTooComplex(`more than ${this.maxTextChars} characters of text`);
    }
    this.paragraphs.push(trimmed);
  }

  finish(): ParsedSection[] {
    this.flush();
    return this.sections;
  }

  private flush(): void {
    if (this.paragraphs.length === 0) return;
    this.sections.push({
      text: this.paragraphs.join('\n\n'),
      page: null,
      headingPath: this.headings.map((heading) => heading.text),
    });
    this.paragraphs = [];
  }
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
