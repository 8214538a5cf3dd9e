import { SECTION_SEPARATOR } from '../prompts/fence-documents';

export interface PromptDocument {
  /** The citation number the prompt gave the document. */
  n: number;
  text: string;
  /** The headings the text is under, outermost first; empty when the prompt names none. */
  headingPath?: string[];
  /** The file the text comes from, when the prompt names it. */
  filename?: string;
}

export interface GenerationPromptContent {
  question: string;
  documents: PromptDocument[];
  /** False when the prompt carries no `<documents>` block at all (not even an empty one). */
  hasDocumentsBlock: boolean;
}

const DOCUMENTS_BLOCK = /<documents>([\s\S]*?)<\/documents>/;
const DOCUMENT = /<document n="(\d+)"([^>]*)>\n?([\s\S]*?)\n?<\/document>/g;
const SECTION = /\ssection="([^"]*)"/;
const FILE = /\sfile="([^"]*)"/;

function unescapeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function filenameIn(attributes: string): string | undefined {
  const file = FILE.exec(attributes)?.[1];
  return file === undefined ? undefined : unescapeAttribute(file);
}

function headingPathIn(attributes: string): string[] {
  const section = SECTION.exec(attributes)?.[1];
  return section ? unescapeAttribute(section).split(SECTION_SEPARATOR) : [];
}
const QUESTION = /<question>([\s\S]*?)<\/question>/;

/**
 * Reads the question and the fenced documents back out of a rendered generation prompt, the
 * way a real model would see them. Fence tags inside document text are removed when the prompt
 * is built, so the first `</documents>` really ends the block.
 */
export function readGenerationPrompt(prompt: string): GenerationPromptContent {
  const block = DOCUMENTS_BLOCK.exec(prompt);
  const documents = block ? [...block[1].matchAll(DOCUMENT)].map((match) => ({ n: Number(match[1]), text: match[3], headingPath: headingPathIn(match[2]), filename: filenameIn(match[2]) })) : [];
  const withoutDocuments = block ? prompt.replace(block[0], '') : prompt;
  const question = QUESTION.exec(withoutDocuments)?.[1] ?? withoutDocuments;
  return { question: question.trim(), documents, hasDocumentsBlock: block !== null };
}
