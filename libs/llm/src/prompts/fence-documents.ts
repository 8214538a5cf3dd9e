/** What the prompt shows of a retrieved chunk; RetrievedChunk satisfies it. */
export interface FenceableDocument {
  filename: string;
  page: number | null;
  /** The headings above the text, outermost first; shown so a reader knows what a passage is under. */
  headingPath?: readonly string[];
  text: string;
}

export const SECTION_SEPARATOR = ' › ';

// Neutralises anything in document text that could close the fence or open a fake document.
const FENCE_TAG = /<(\/?)(documents?)(?=[\s>/]|$)/gi;

export function escapeFencedText(text: string): string {
  return text.replace(FENCE_TAG, '&lt;$1$2');
}

export function unescapeFencedText(text: string): string {
  return text.replace(/&lt;(\/?)(documents?)(?=[\s>/]|$)/gi, '<$1$2');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The `<documents>` block for the prompts, its `<document>` elements numbered from 1 in the given
 * order: that number is the `[n]` the model cites.
 */
export function fenceDocuments(documents: readonly FenceableDocument[]): string {
  const elements = documents.map((doc, index) => {
    const page = doc.page === null ? '' : ` page="${doc.page}"`;
    const section = doc.headingPath?.length ? ` section="${escapeAttribute(doc.headingPath.join(SECTION_SEPARATOR))}"` : '';
    return `<document n="${index + 1}" file="${escapeAttribute(doc.filename)}"${page}${section}>\n${escapeFencedText(doc.text)}\n</document>`;
  });
  return ['<documents>', ...elements, '</documents>'].join('\n');
}
