export interface PromptDocument {
  /** The citation number the prompt gave the document. */
  n: number;
  text: string;
}

export interface GenerationPromptContent {
  question: string;
  documents: PromptDocument[];
  /** False when the prompt carries no `<documents>` block at all (not even an empty one). */
  hasDocumentsBlock: boolean;
}

const DOCUMENTS_BLOCK = /<documents>([\s\S]*?)<\/documents>/;
const DOCUMENT = /<document n="(\d+)"[^>]*>\n?([\s\S]*?)\n?<\/document>/g;
const QUESTION = /<question>([\s\S]*?)<\/question>/;

/**
 * Reads the question and the fenced documents back out of a rendered generation prompt, the
 * way a real model would see them. Fence tags inside document text are removed when the prompt
 * is built, so the first `</documents>` really ends the block.
 */
export function readGenerationPrompt(prompt: string): GenerationPromptContent {
  const block = DOCUMENTS_BLOCK.exec(prompt);
  const documents = block
    ? [...block[1].matchAll(DOCUMENT)].map((match) => ({ n: Number(match[1]), text: match[2] }))
    : [];
  const withoutDocuments = block ? prompt.replace(block[0], '') : prompt;
  const question = QUESTION.exec(withoutDocuments)?.[1] ?? withoutDocuments;
  return { question: question.trim(), documents, hasDocumentsBlock: block !== null };
}
