import { stemmer } from 'stemmer';
import porter2 from 'wink-porter2-stemmer';

/** Function words common enough in English to say nothing about a text's topic. */
const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having he her here hers ' +
    'herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on ' +
    'once only or other our ours ourselves out over own same she should so some such than that the their theirs them ' +
    'themselves then there these they this those through to too under until up very was we were what when where which ' +
    'while who whom why will with would you your yours yourself yourselves s t d ll m re ve'
  ).split(' '),
);

// Apostrophes inside words ("don't", "Ada’s") are dropped so the word stays one token.
const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])['’](?=[\p{L}\p{N}])/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const LATIN_WORD = /^[a-z]+$/;
const STEM_CACHE_LIMIT = 200_000;
const stemCache = new Map<string, string>();
const termCache = new Map<string, string>();

/** Lowercased runs of letters and digits in any script, in order, repeats kept. */
export function tokenize(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().replace(INNER_APOSTROPHE, '').match(WORD) ?? [];
}

function cachedStem(cache: Map<string, string>, token: string, stemmerOf: (token: string) => string): string {
  if (!LATIN_WORD.test(token) || token.length < 3) return token;
  let stemmed = cache.get(token);
  if (stemmed === undefined) {
    // A vocabulary is bounded in practice; clearing keeps a hostile stream of unique tokens cheap.
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    stemmed = stemmerOf(token);
    cache.set(token, stemmed);
  }
  return stemmed;
}

/**
 * Porter (1980) stem of an English word; other tokens (digits, other scripts) are returned as
 * they are. The local embeddings' vocabulary: changing it changes every stored vector.
 */
export function stem(token: string): string {
  return cachedStem(stemCache, token, stemmer);
}

/**
 * The Porter2 (Snowball English) stem, as PostgreSQL's english configuration stems the index:
 * the form in which a question's words are matched to a document's. Unlike Porter's first
 * algorithm it keeps "deploy" and "deployments" together.
 */
export function termOf(token: string): string {
  return cachedStem(termCache, token, porter2);
}

/** The terms a lexical index or hashed embedding should see: tokens minus stopwords, stemmed. */
export function lexicalTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    if (!ENGLISH_STOPWORDS.has(token)) terms.push(stem(token));
  }
  return terms;
}

// Words that frame a request ("please explain…") or stand for someone unnamed ("can someone
// get promoted?") rather than say what it is about.
const REQUEST_WORDS: ReadonlySet<string> = new Set(
  ('tell please give show explain describe list also shall may might must ' + 'someone somebody anyone anybody everyone everybody something anything everything nothing nobody').split(' '),
);

/** Whether a token says something about a topic: not a stopword, a request word or a lone letter. */
export function isContentToken(token: string): boolean {
  if (ENGLISH_STOPWORDS.has(token) || REQUEST_WORDS.has(token)) return false;
  return token.length >= 2 || /\d/.test(token);
}

// Contractions come apart as PostgreSQL's parser takes them apart, so "what's" and "I'm" leave
// only stopwords behind instead of the made-up words "whats" and "im".
const CONTRACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(can)['’]t\b/gi, '$1 not'],
  [/\bwon['’]t\b/gi, 'will not'],
  [/n['’]t\b/gi, ' not'],
  [/['’](m|re|ve|ll|d|s)\b/gi, ' $1'],
];

/** The tokens a question or passage is matched by: `tokenize`, with contractions taken apart. */
export function matchingTokensOf(text: string): string[] {
  let expanded = text;
  for (const [contraction, replacement] of CONTRACTIONS) expanded = expanded.replace(contraction, replacement);
  return tokenize(expanded);
}

/** The distinct Porter2-stemmed content terms of a question or passage, for overlap scoring. */
export function contentTermsOf(text: string): string[] {
  const terms = new Set<string>();
  for (const token of matchingTokensOf(text)) if (isContentToken(token)) terms.add(termOf(token));
  return [...terms];
}
