/** The formats ingestion accepts, always decided from the bytes, never from the name alone. */
export type DocumentType = 'pdf' | 'docx' | 'markdown' | 'html' | 'text';

/**
 * A run of text under one heading path on one page. Paragraphs inside `text` are separated by
 * a blank line, which is where the chunker prefers to cut.
 */
export interface ParsedSection {
  text: string;
  /** 1-based; null for formats without pages. */
  page: number | null;
  /** Outermost heading first, e.g. ['Guide', 'Installation']. */
  headingPath: string[];
}

export interface ParsedDocument {
  pageCount: number | null;
  sections: ParsedSection[];
}
