import type { PromptDocument } from './generation-prompt-reader';
import { coverageOf, matchOf, questionTermsOf, termSetOf, type QuestionTerm } from '@app/kernel';

export const NOT_FOUND_ANSWER = 'I could not find that in the documents.';
export const SMALL_TALK_ANSWER = 'Hello! I answer questions from your organisation’s documents. What would you like to know?';
const THANKS_ANSWER = 'You’re welcome! Ask me anything else about your organisation’s documents.';

export interface ExtractiveAnswerOptions {
  maxSentences?: number;
  /**
   * One passage, read with its file name and headings, must match more than this share of the
   * question's weight (and two of its topic words, where it has two) for there to be an answer.
   */
  minAnswerCoverage?: number;
}

interface Sentence {
  n: number;
  /** Whether its passage matches the question well enough to answer it. */
  answering: boolean;
  /** Whether its passage is about the question at all. */
  onTopic: boolean;
  /** The file it comes from (the document number when the prompt names no file). */
  source: string;
  position: number;
  text: string;
  /** How fully the sentence, read under its headings, matches each question term. */
  matches: number[];
  /** Its content words the question does not ask about: of two sentences that match alike, the one with fewer is about the question. */
  otherWords: number;
  /** Whether its own words, not only its headings, match a topic word of the question. */
  saysTopic: boolean;
  /** Whether its own words hold a topic word of the question itself or one of its forms, not only a related word. */
  saysTopicWord: boolean;
  /** How fully its own words, without its headings, match each question term. */
  ownMatches: number[];
}

// A heading counts for the sentences under it, but less than the sentence's own words: a
// section called "Response times" makes each of its sentences a candidate for "how fast must
// they respond", not an answer by itself.
const CONTEXT_FACTOR = 0.6;
// A sentence that adds less than this share of the question's weight adds nothing worth quoting;
// one from a file not yet quoted must add more, come from a passage about the question and say
// in its own words a topic word nothing quoted says, since a reader then has two sources to weigh.
const MIN_GAIN = 0.05;
const MIN_GAIN_FROM_ANOTHER_FILE = 0.15;
const ON_TOPIC_SHARE = 0.34;
// A sentence of a quoted passage that by itself matches this share of the question may follow
// the ones before it even when it adds no new word; it ranks below any sentence that adds one.
const QUALIFYING_SHARE = 0.5;
// The sentence right after a quoted one continues it, so it may follow on a lesser match.
const NEXT_SENTENCE_SHARE = 0.25;
const QUALIFYING_VALUE = MIN_GAIN / 2;
// Values this close are a tie.
const TIE = 1e-9;
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

const ENDS_SENTENCE = /[.!?:;]$/;

/**
 * A paragraph that is a heading, not a statement: one of the section's headings, or one short
 * line without the punctuation that ends a sentence, followed by prose (PDF text carries its
 * headings that way). A run of such lines is a list, whose items are statements.
 */
function isHeading(block: string[], next: string[] | undefined, headings: ReadonlySet<string>): boolean {
  if (block.length !== 1) return false;
  const line = block[0];
  if (headings.has(line.toLowerCase())) return true;
  const beforeProse = next !== undefined && (next.length > 1 || ENDS_SENTENCE.test(next[0]));
  return beforeProse && !ENDS_SENTENCE.test(line) && line.split(' ').length <= MAX_HEADING_WORDS;
}

function withCitation(sentence: string, n: number): string {
  const end = /[.!?]$/.exec(sentence)?.[0] ?? '.';
  const body = sentence.replace(/[.!?:;,]+$/, '');
  return `${body} [${n}]${end}`;
}

/** How the passage, with its file name and headings, matches the question: as the evaluator reads a chunk. */
function passageMatch(terms: readonly QuestionTerm[], fileWords: string, headingPath: readonly string[], text: string, minCoverage: number) {
  const coverage = coverageOf(terms, termSetOf([fileWords, ...headingPath, text].join('\n')));
  return {
    answering: coverage.share > minCoverage && coverage.topicMatched >= Math.min(2, coverage.topicTerms),
    onTopic: coverage.share >= ON_TOPIC_SHARE && coverage.topicMatched > 0,
  };
}

/** Each document's sentences with how they match the question, headings folded into the sentences under them. */
function sentencesOf(documents: readonly PromptDocument[], terms: readonly QuestionTerm[], minCoverage: number): Sentence[] {
  const sentences: Sentence[] = [];
  const seen = new Set<string>();
  for (const document of documents) {
    const headingPath = document.headingPath ?? [];
    const headings = new Set(headingPath.map((heading) => heading.toLowerCase()));
    const fileWords = (document.filename ?? '').replace(/\.[a-z0-9]+$/i, '');
    const { answering, onTopic } = passageMatch(terms, fileWords, headingPath, document.text, minCoverage);
    let context = [fileWords, ...headingPath].join('\n');
    let position = 0;
    const blocks = blocksOf(document.text);
    for (const [index, block] of blocks.entries()) {
      if (isHeading(block, blocks[index + 1], headings)) {
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
        const ownMatches = terms.map((term) => matchOf(term, own));
        const matches = terms.map((term, i) => Math.max(ownMatches[i], CONTEXT_FACTOR * matchOf(term, contextTerms)));
        const otherWords = [...own].filter((stem) => !terms.some((term) => matchOf(term, new Set([stem])) > 0)).length;
        const saysTopic = terms.some((term, i) => term.weight === 1 && ownMatches[i] > 0);
        const saysTopicWord = terms.some((term, i) => term.weight === 1 && ownMatches[i] === 1);
        sentences.push({ n: document.n, answering, onTopic, source: document.filename ?? `#${document.n}`, position, text, matches, ownMatches, otherWords, saysTopic, saysTopicWord });
      }
    }
  }
  return sentences;
}

/** Whether the sentence's own words match a topic word of the question that nothing quoted matches yet. */
function answersMore(terms: readonly QuestionTerm[], sentence: Sentence, covered: readonly number[]): boolean {
  return terms.some((term, i) => term.weight === 1 && covered[i] === 0 && sentence.ownMatches[i] > 0);
}

function weightOf(terms: readonly QuestionTerm[], matches: readonly number[]): number {
  return terms.reduce((sum, term, i) => sum + term.weight * matches[i], 0);
}

/** Whether a sentence matches at least one topic word, not only words that frame the question. */
function mentionsTopic(terms: readonly QuestionTerm[], sentence: Sentence): boolean {
  return terms.some((term, i) => term.weight === 1 && sentence.matches[i] > 0) || terms.every((term) => term.weight < 1);
}

/**
 * An answer made of the fewest sentences that together match the question best, each cited with
 * its document's number and kept in document order so the answer reads as the sources do. There
 * is an answer only when one passage matches most of the question, and the best sentence of such
 * a passage comes first; after it come sentences that add a part of the question not yet matched
 * (from another file only when they add a good part), and sentences of the same passage that
 * match the question as well as half of it (the very next sentence on less), since it often qualifies the first
 * ("up to 100 euros. Larger refunds need a team lead's approval.").
 */
export function composeExtractiveAnswer(question: string, documents: readonly PromptDocument[], options: ExtractiveAnswerOptions = {}): string {
  const { maxSentences = 3, minAnswerCoverage = 0.5 } = options;
  const terms = questionTermsOf(question);
  if (terms.length === 0) return NOT_FOUND_ANSWER;
  const total = terms.reduce((sum, term) => sum + term.weight, 0);
  const shareOf = (matches: readonly number[]) => weightOf(terms, matches) / total;

  const candidates = sentencesOf(documents, terms, minAnswerCoverage).filter((sentence) => mentionsTopic(terms, sentence));
  const chosen: Sentence[] = [];
  const covered = terms.map(() => 0);
  while (chosen.length < maxSentences) {
    let best: { sentence: Sentence; value: number } | null = null;
    for (const sentence of candidates) {
      if (chosen.includes(sentence) || (chosen.length === 0 && !sentence.answering)) continue;
      const gain = shareOf(sentence.matches.map((match, i) => Math.max(0, match - covered[i])));
      const fromQuotedFile = chosen.length === 0 || chosen.some((quoted) => quoted.source === sentence.source);
      const adds = fromQuotedFile ? gain >= MIN_GAIN : gain >= MIN_GAIN_FROM_ANOTHER_FILE && sentence.answering && sentence.saysTopicWord && answersMore(terms, sentence, covered);
      const share = shareOf(sentence.matches);
      const qualifies =
        sentence.saysTopic && chosen.some((quoted) => quoted.n === sentence.n && (share >= QUALIFYING_SHARE || (quoted.position + 1 === sentence.position && share >= NEXT_SENTENCE_SHARE)));
      const value = adds ? gain : qualifies ? QUALIFYING_VALUE : 0;
      if (value > 0 && (!best || value > best.value + TIE || (value > best.value - TIE && sentence.otherWords < best.sentence.otherWords))) {
        best = { sentence, value };
      }
    }
    if (!best) break;
    chosen.push(best.sentence);
    best.sentence.matches.forEach((match, i) => (covered[i] = Math.max(covered[i], match)));
  }
  if (chosen.length === 0) return NOT_FOUND_ANSWER;

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
