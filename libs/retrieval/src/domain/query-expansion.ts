import { questionTermsOf, type Thesaurus } from '@app/kernel';

/** Related words to search for besides a query's own, each with the weight its matches count with. */
export interface QueryExpansion {
  words: string[];
  weights: number[];
}

export interface QueryExpansionOptions {
  /** A related word counts this share of a query word, times how closely it relates (MATCH_FACTOR); an irregular form of the word itself counts fully. */
  weight: number;
  /** Most related words searched for; the closest are kept. Each costs the search its postings. */
  maxWords: number;
  thesaurus?: Thesaurus;
}

export const NO_EXPANSION: QueryExpansion = { words: [], weights: [] };

/**
 * The query's related words for the full-text leg, weighted below the query's own words: an
 * expansion helps a reworded question find its passage, but every added word also matches
 * passages about something else, so it may tip a ranking only where the query's own words tie.
 */
export function expandQuery(query: string, { weight, maxWords, thesaurus }: QueryExpansionOptions): QueryExpansion {
  if (weight <= 0 || maxWords <= 0) return NO_EXPANSION;
  const byWord = new Map<string, number>();
  for (const term of questionTermsOf(query, thesaurus)) {
    for (const { word, kind, factor } of term.alternatives.values()) {
      // A quantity is no word to search for; a verb's nominalization ("flight" for "fly") helps the
      // evaluator read a passage, but in the search it found other passages more often than its own.
      if (!word || kind === 'nominalization') continue;
      const value = (kind === 'inflection' ? 1 : weight * factor) * term.weight;
      if (value > (byWord.get(word) ?? 0)) byWord.set(word, value);
    }
  }
  const kept = [...byWord].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxWords);
  return { words: kept.map(([word]) => word), weights: kept.map(([, value]) => value) };
}
