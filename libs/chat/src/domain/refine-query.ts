import type { RetrievedChunk } from '@app/retrieval';
import { contentTermsOf, termOf, tokenize } from '@app/kernel';

/**
 * The deterministic refiner of the local provider. Retrieval ranks by meaning and by words, so
 * a sharper query is one without filler: attempt 1 keeps the question's key words with the
 * ones the chunks lacked first; later attempts search for only the missing words, which pulls
 * in chunks about the part of the question not yet covered.
 */
export function refineQuery(question: string, attempt: number, chunks: readonly RetrievedChunk[]): string {
  const found = new Set(contentTermsOf(chunks.map((chunk) => chunk.text).join('\n')));
  const keyWords = uniqueKeyWordsOf(question);
  if (keyWords.length === 0) return question.trim();

  const missing = keyWords.filter((word) => !found.has(termOf(word)));
  const covered = keyWords.filter((word) => found.has(termOf(word)));
  if (attempt <= 1 || missing.length === 0) return [...missing, ...covered].join(' ');
  return missing.join(' ');
}

function uniqueKeyWordsOf(text: string): string[] {
  const keyStems = new Set(contentTermsOf(text));
  const seen = new Set<string>();
  return tokenize(text).filter((word) => {
    const stem = termOf(word);
    if (!keyStems.has(stem) || seen.has(stem)) return false;
    seen.add(stem);
    return true;
  });
}
