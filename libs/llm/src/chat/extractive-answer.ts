import type { PromptDocument } from './generation-prompt-reader';
import { contentTermsOf } from '@app/kernel';

export const NOT_FOUND_ANSWER = 'I could not find that in the documents.';
export const SMALL_TALK_ANSWER = 'Hello! I answer questions from your organisation’s documents. What would you like to know?';
export const THANKS_ANSWER = 'You’re welcome! Ask me anything else about your organisation’s documents.';

interface Candidate {
  n: number;
  position: number;
  sentence: string;
  matched: number;
}

export interface ExtractiveAnswerOptions {
  maxSentences?: number;
  /** Share of the question's terms a sentence must contain to be quoted. */
  minSentenceCoverage?: number;
}

function sentencesOf(text: string): string[] {
  return text
    // Hard-wrapped prose breaks lines mid-sentence: only blank lines and list items end one.
    .split(/(?<=[.!?])\s+(?=["'([]?[\p{Lu}\p{N}])|\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)])\s)/u)
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter((sentence) => sentence.split(' ').length >= 3);
}

function withCitation(sentence: string, n: number): string {
  const end = /[.!?]$/.exec(sentence)?.[0] ?? '.';
  const body = sentence.replace(/[.!?:;,]+$/, '');
  return `${body} [${n}]${end}`;
}

/**
 * An answer made of the sentences that share the most terms with the question, each cited with
 * its document's number and kept in document order so the answer reads as the sources do.
 */
export function composeExtractiveAnswer(question: string, documents: readonly PromptDocument[], options: ExtractiveAnswerOptions = {}): string {
  const { maxSentences = 3, minSentenceCoverage = 0.34 } = options;
  const questionTerms = contentTermsOf(question);
  if (questionTerms.length === 0) return NOT_FOUND_ANSWER;

  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const document of documents) {
    sentencesOf(document.text).forEach((sentence, position) => {
      const key = sentence.toLowerCase();
      if (seen.has(key)) return;
      seen.add(key);
      const terms = new Set(contentTermsOf(sentence));
      const matched = questionTerms.filter((term) => terms.has(term)).length;
      if (matched / questionTerms.length >= minSentenceCoverage) candidates.push({ n: document.n, position, sentence, matched });
    });
  }
  if (candidates.length === 0) return NOT_FOUND_ANSWER;

  return candidates
    .sort((a, b) => b.matched - a.matched || a.n - b.n || a.position - b.position)
    .slice(0, maxSentences)
    .sort((a, b) => a.n - b.n || a.position - b.position)
    .map((candidate) => withCitation(candidate.sentence, candidate.n))
    .join(' ');
}

/** The reply when the prompt has no documents at all: small talk gets a friendly answer. */
export function replyWithoutDocuments(question: string): string {
  if (/\b(thanks|thank you|thx|cheers)\b/i.test(question)) return THANKS_ANSWER;
  if (/\b(hi|hello|hey|good (morning|afternoon|evening)|who are you|what can you do|how are you)\b/i.test(question)) return SMALL_TALK_ANSWER;
  return NOT_FOUND_ANSWER;
}
