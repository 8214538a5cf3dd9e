import { cleanDocumentText } from '@app/kernel';

/** What the prompt shows of a retrieved chunk; RetrievedChunk satisfies it. */
export interface FenceableDocument {
  filename: string;
  page: number | null;
  /** The headings above the text, outermost first; shown so a reader knows what a passage is under. */
  headingPath?: readonly string[];
  text: string;
  /** The number the model cites it by; its place in the list (from 1) when absent. */
  n?: number;
}

export const SECTION_SEPARATOR = ' › ';

// The fence's tags written as entities: inert for a parser, but a model reads them as the tags.
const ESCAPED_FENCE_TAG = /&lt;\/?documents?\b[^<>&]*(?:&gt;|>)?/gi;

/**
 * Document text as a prompt may carry it: plain text with nothing that could close the fence,
 * open a fake document or pass for a citation. Ingestion already cleans new chunks; this covers
 * chunks indexed before it did, and any other source of text.
 */
export function fencedText(text: string): string {
  // What the cleaning removed leaves runs of spaces behind; the line breaks stay, they end paragraphs.
  return cleanDocumentText(text).replace(ESCAPED_FENCE_TAG, '').replace(/[ \t]{2,}/g, ' ');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The `<documents>` block for the prompts, its `<document>` elements numbered from 1 in the given
 * order unless a document carries its own `n`: that number is the `[n]` the model cites.
 */
export function fenceDocuments(documents: readonly FenceableDocument[]): string {
  const elements = documents.map((doc, index) => {
    const page = doc.page === null ? '' : ` page="${doc.page}"`;
    const section = doc.headingPath?.length ? ` section="${escapeAttribute(doc.headingPath.join(SECTION_SEPARATOR))}"` : '';
    return `<document n="${doc.n ?? index + 1}" file="${escapeAttribute(doc.filename)}"${page}${section}>\n${fencedText(doc.text)}\n</document>`;
  });
  return ['<documents>', ...elements, '</documents>'].join('\n');
}
