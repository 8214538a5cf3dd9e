import type { PromptDocument } from './generation-prompt-reader';
import { matchOf, questionTermsOf, termSetOf, type QuestionTerm } from '@app/kernel';

export const NOT_FOUND_ANSWER = 'I could not find that in the documents.';
export const SMALL_TALK_ANSWER = 'Hello! I answer questions from your organisation’s documents. What would you like to know?';
export const THANKS_ANSWER = 'You’re welcome! Ask me anything else about your organisation’s documents.';

export interface ExtractiveAnswerOptions {
  maxSentences?: number;
  /** The quoted sentences together must match more than this share of the question's weight to answer at all. */
  minAnswerCoverage?: number;
}

interface Sentence {
  n: number;
  /** The file it comes from (the document number when the prompt names no file). */
  source: string;
  position: number;
  text: string;
  /** How fully the sentence, read under its headings, matches each question term. */
  matches: number[];
}

// A heading counts for the sentences under it, but less than the sentence's own words: a
// section called "Response times" makes each of its sentences a candidate for "how fast must
// they respond", not an answer by itself.
const CONTEXT_FACTOR = 0.6;
// A sentence that adds less than this share of the question's weight adds nothing worth quoting;
// one from a file not yet quoted must add more, since a reader then has two sources to weigh.
const MIN_GAIN = 0.05;
const MIN_GAIN_FROM_ANOTHER_FILE = 0.15;
const MAX_HEADING_WORDS = 8;

/** Paragraphs, split into sentences; hard-wrapped prose breaks lines mid-sentence, so only blank lines and list items end one. */
function blocksOf(text: string): string[][] {
  return text
    .split(/\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)])\s)/u)
    .map((block) =>
      block
        .split(/(?<=[.!?])\s+(?=["'“‘([]?[\p{Lu}\p{N}])/u)
        .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
        .filter(Boolean),
    )
    .filter((sentences) => sentences.length > 0);
}

/**
 * A paragraph that is a heading, not a statement: one of the section's headings, or one short
 * line without the punctuation that ends a sentence (PDF text carries its headings that way).
 */
function isHeading(block: string[], headings: ReadonlySet<string>): boolean {
  if (block.length !== 1) return false;
  const line = block[0];
  if (headings.has(line.toLowerCase())) return true;
  return !/[.!?:;]$/.test(line) && line.split(' ').length <= MAX_HEADING_WORDS;
}

function withCitation(sentence: string, n: number): string {
  const end = /[.!?]$/.exec(sentence)?.[0] ?? '.';
  const body = sentence.replace(/[.!?:;,]+$/, '');
  return `${body} [${n}]${end}`;
}

/** Each document's sentences with how they match the question, headings folded into the sentences under them. */
function sentencesOf(documents: readonly PromptDocument[], terms: readonly QuestionTerm[]): Sentence[] {
  const sentences: Sentence[] = [];
  const seen = new Set<string>();
  for (const document of documents) {
    const headingPath = document.headingPath ?? [];
    const headings = new Set(headingPath.map((heading) => heading.toLowerCase()));
    const fileWords = (document.filename ?? '').replace(/\.[a-z0-9]+$/i, '');
    let context = [fileWords, ...headingPath].join('\n');
    let position = 0;
    for (const block of blocksOf(document.text)) {
      if (isHeading(block, headings)) {
        // A heading inside the text (a PDF's, or a sub-heading) frames what follows it.
        context = [fileWords, ...headingPath, block[0]].join('\n');
        continue;
      }
      const contextTerms = termSetOf(context);
      for (const text of block) {
        position++;
        const key = text.toLowerCase();
        if (text.split(' ').length < 3 || seen.has(key)) continue;
        seen.add(key);
        const own = termSetOf(text);
        const matches = terms.map((term) => Math.max(matchOf(term, own), CONTEXT_FACTOR * matchOf(term, contextTerms)));
        sentences.push({ n: document.n, source: document.filename ?? `#${document.n}`, position, text, matches });
      }
    }
  }
  return sentences;
}

function weightOf(terms: readonly QuestionTerm[], matches: readonly number[]): number {
  return terms.reduce((sum, term, i) => sum + term.weight * matches[i], 0);
}

/** Whether a sentence matches at least one topic word, not only words that frame the question. */
function mentionsTopic(terms: readonly QuestionTerm[], sentence: Sentence): boolean {
  return terms.some((term, i) => term.weight === 1 && sentence.matches[i] > 0) || terms.every((term) => term.weight < 1);
}

/**
 * An answer made of the fewest sentences that together match the question best: the best
 * sentence first, then only sentences that add a part of the question not yet matched (a
 * sentence from another file only so), each cited with its document's number and kept in
 * document order so the answer reads as the sources do. When even the best sentences leave
 * most of the question unmatched, or match only one of its topic words where it has more, the
 * documents do not answer it.
 */
export function composeExtractiveAnswer(question: string, documents: readonly PromptDocument[], options: ExtractiveAnswerOptions = {}): string {
  const { maxSentences = 3, minAnswerCoverage = 0.5 } = options;
  const terms = questionTermsOf(question);
  if (terms.length === 0) return NOT_FOUND_ANSWER;
  const total = terms.reduce((sum, term) => sum + term.weight, 0);

  const candidates = sentencesOf(documents, terms).filter((sentence) => mentionsTopic(terms, sentence));
  const chosen: Sentence[] = [];
  const covered = terms.map(() => 0);
  while (chosen.length < maxSentences) {
    let best: { sentence: Sentence; gain: number } | null = null;
    for (const sentence of candidates) {
      if (chosen.includes(sentence)) continue;
      const gain = weightOf(terms, sentence.matches.map((match, i) => Math.max(0, match - covered[i]))) / total;
      const needed = chosen.length === 0 || chosen.some((quoted) => quoted.source === sentence.source) ? MIN_GAIN : MIN_GAIN_FROM_ANOTHER_FILE;
      if (gain >= needed && gain > (best?.gain ?? 0)) best = { sentence, gain };
    }
    if (!best) break;
    chosen.push(best.sentence);
    best.sentence.matches.forEach((match, i) => (covered[i] = Math.max(covered[i], match)));
  }
  const share = weightOf(terms, covered) / total;
  const topicTerms = terms.filter((term) => term.weight === 1).length;
  const topicMatched = terms.filter((term, i) => term.weight === 1 && covered[i] > 0).length;
  if (chosen.length === 0 || share <= minAnswerCoverage || topicMatched < Math.min(2, topicTerms)) return NOT_FOUND_ANSWER;

  return chosen
    .sort((a, b) => a.n - b.n || a.position - b.position)
    .map((sentence) => withCitation(sentence.text, sentence.n))
    .join(' ');
}

/** The reply when the prompt has no documents at all: small talk gets a friendly answer. */
export function replyWithoutDocuments(question: string): string {
  if (/\b(thanks|thank you|thx|cheers)\b/i.test(question)) return THANKS_ANSWER;
  if (/\b(hi|hello|hey|good (morning|afternoon|evening)|who are you|what can you do|how are you)\b/i.test(question)) return SMALL_TALK_ANSWER;
  return NOT_FOUND_ANSWER;
}
