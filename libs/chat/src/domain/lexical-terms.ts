import { stemmer } from 'stemmer';

// Deliberately a copy of the one in libs/llm/src/chat: chat's domain may not import the llm module,
// whose public surface carries LangChain. The two only need to agree roughly.

// Words that carry no topic; matching on them would make every sentence look relevant.
const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does doing for from had has have how i if in into is it its ' +
    'me my no not of on or our so than that the their them then there these they this those to too us was we were what ' +
    'when where which while who whom why will with would you your about tell please give show explain describe list also ' +
    'any some all more most other such only own same just should shall may might must up down out over under again further once here very'
  ).split(' '),
);

/** The lowercase words of a text, in order, letters and digits only. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The stemmed content terms of a text, without stop words and without repeats. */
export function contentTermsOf(text: string): string[] {
  const terms = new Set<string>();
  for (const word of wordsOf(text)) {
    if (STOP_WORDS.has(word)) continue;
    if (word.length < 2 && !/\d/.test(word)) continue;
    terms.add(stemmer(word));
  }
  return [...terms];
}

/** Share of `queryTerms` present in `text` (0..1); 0 when there are no query terms. */
export function termCoverage(queryTerms: readonly string[], text: string): number {
  if (queryTerms.length === 0) return 0;
  const present = new Set(contentTermsOf(text));
  return queryTerms.filter((term) => present.has(term)).length / queryTerms.length;
}
