import { Inflectors } from 'en-inflectors';
import { isContentToken, matchingTokensOf, termOf, tokenize } from './lexical-terms';
import { sharedThesaurus, type Relation, type Thesaurus } from './thesaurus';

/**
 * How a word that may stand in for a question's word relates to it. `quantity` stands for no
 * word: it is any number a passage states, which is what "how long" or "how often" asks for.
 */
type AlternativeKind = Relation | 'inflection' | 'quantity';

/** How fully a related word stands in for the question's word when it is found instead. */
const MATCH_FACTOR: Readonly<Record<AlternativeKind, number>> = {
  inflection: 1,
  derivation: 0.9,
  pertainym: 0.9,
  synonym: 0.8,
  compound: 0.8,
  nominalization: 0.8,
  attribute: 0.6,
  similar: 0.6,
  part: 0.6,
  quantity: 0.6,
};

// The stem a passage holds when it states a number; no token can be it, since tokens are letters and digits.
const QUANTITY = '#quantity';
// Numbers written out, the words that say how often, and the months and weekdays a date names:
// "within one working day", "twice a year", "reviewed quarterly", "in the October cycle". A digit
// anywhere in a token ("30", "sev1", "08:00") counts as well. "May" is left out: it is mostly the verb.
const NUMBER_WORDS: ReadonlySet<string> = new Set(
  (
    'zero one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty seventy eighty ninety ' +
    'hundred thousand million billion dozen half twice first second third fourth fifth sixth seventh eighth ninth tenth ' +
    'hourly daily weekly monthly quarterly yearly annually ' +
    'january february march april june july august september october november december monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);
const HAS_DIGIT = /\d/;
// The term of a question that begins with "when"; no token can be it, as for QUANTITY.
const ASKS_WHEN = '#when';

/** The weight of a word that frames the question rather than names its topic. */
export const FRAMING_WEIGHT = 0.5;

// Verbs and nouns that say what kind of answer is wanted ("what is the rule", "do I need"), not
// what it is about. The word after "how" ("how long", "how often") frames the question too.
// The nouns that name the kind of answer ("the deadline", "the number") frame it as well.
const FRAMING_WORDS: ReadonlySet<string> = new Set(
  (
    'need needs get gets got go goes going make makes take takes use know want happen happens allow allowed able let ' +
    'count counts mean means rule rules policy policies process procedure way thing deadline date day days time times amount number'
  ).split(' '),
);

/**
 * The weight of a missing noun that modifies the noun after it ("side job", "company card"): it
 * narrows the topic its head names, and documents often narrow it in other words ("outside
 * job", "corporate card"), so a passage that names the head itself answers even where the
 * modifier appears nowhere. Found, or with its head only matched through a related word, the
 * modifier is a topic word like any other ("summer party" is not answered by "company business").
 * A pair WordNet knows as one word ("dress code") is a topic of its own: neither word modifies.
 */
const MODIFIER_WEIGHT = 0.5;

const INFLECTION_CACHE_LIMIT = 50_000;
const LATIN_WORD = /^[a-z]+$/;
const inflectionCache = new Map<string, string[]>();

/**
 * A word's irregular forms, which stemming cannot reach: "keep" → kept, "pay" → paid,
 * "child" → children, "held" → hold. Verb forms only for a word WordNet knows as a verb, noun
 * forms only for a noun, and for a word it does not know only the base form it may be an
 * irregular inflection of; regular forms are left out, since the stemmer conflates them.
 */
export function irregularFormsOf(word: string, thesaurus: Thesaurus = sharedThesaurus()): string[] {
  let forms = inflectionCache.get(word);
  if (forms === undefined) {
    if (inflectionCache.size >= INFLECTION_CACHE_LIMIT) inflectionCache.clear();
    const candidates: string[] = [];
    if (LATIN_WORD.test(word)) {
      const partsOfSpeech = thesaurus.partsOfSpeechOf(word);
      const inflector = new Inflectors(word);
      // WordNet indexes "held" and "children" by their base forms only, so the way back is always tried.
      candidates.push(inflector.toPresent());
      if (partsOfSpeech.includes('verb')) candidates.push(inflector.toPast(), inflector.toPastParticiple());
      if (partsOfSpeech.includes('noun')) candidates.push(inflector.toPlural());
      if (partsOfSpeech.length === 0 || partsOfSpeech.includes('noun')) candidates.push(inflector.toSingular());
    }
    const stem = termOf(word);
    forms = [...new Set(candidates.map((form) => form.toLowerCase()))].filter((form) => LATIN_WORD.test(form) && termOf(form) !== stem);
    inflectionCache.set(word, forms);
  }
  return forms;
}

interface Alternative {
  /** The related word as written, for a search engine to analyse its own way; empty for a quantity. */
  word: string;
  kind: AlternativeKind;
  factor: number;
}

/** One content term of a question: its stem, how much it counts, and what may stand in for it. */
export interface QuestionTerm {
  term: string;
  /** 1 for a topic word, FRAMING_WEIGHT for a framing one. */
  weight: number;
  /** For a noun modifying the noun after it, that noun's term. */
  head?: string;
  /** Stems of related words, each with the word and how fully it matches. */
  alternatives: ReadonlyMap<string, Alternative>;
}

/**
 * The question's content terms with the related words WordNet knows for each: synonyms of its
 * common senses, derivations, parts, and compounds ("rollout" / "roll out"). A term repeated in
 * the question appears once.
 */
export function questionTermsOf(question: string, thesaurus?: Thesaurus): QuestionTerm[] {
  // One question is read by the search, the evaluator and the answer: read it once.
  if (thesaurus) return readQuestion(question, thesaurus);
  let terms = questionCache.get(question);
  if (!terms) {
    if (questionCache.size >= QUESTION_CACHE_LIMIT) questionCache.clear();
    terms = readQuestion(question, sharedThesaurus());
    questionCache.set(question, terms);
  }
  return terms;
}

const QUESTION_CACHE_LIMIT = 1_000;
const questionCache = new Map<string, QuestionTerm[]>();

function readQuestion(question: string, thesaurus: Thesaurus): QuestionTerm[] {
  const tokens = matchingTokensOf(question);
  const terms = new Map<string, { term: string; weight: number; head?: string; alternatives: Map<string, Alternative> }>();
  const addAlternative = (entry: { term: string; alternatives: Map<string, Alternative> }, word: string, kind: AlternativeKind) => {
    const factor = MATCH_FACTOR[kind];
    for (const part of tokenize(word)) {
      if (!isContentToken(part)) continue;
      // Irregular forms of the word's own synonyms matter (retained → keep → kept); derived
      // nouns and adjectives hardly have any, and each look-up costs a cold question time.
      const forms = kind === 'synonym' || kind === 'compound' ? [part, ...irregularFormsOf(part, thesaurus)] : [part];
      for (const form of forms) {
        const stem = termOf(form);
        if (stem === entry.term || (entry.alternatives.get(stem)?.factor ?? 0) >= factor) continue;
        entry.alternatives.set(stem, { word: form, kind, factor });
      }
    }
  };
  // A verb's particle belongs to it ("reviewers get back to me"): the pair is one word, whose
  // related words are the verb's, and the particle is no topic of its own.
  const particles = new Set<number>();
  tokens.forEach((token, index) => {
    if (!isContentToken(token) || particles.has(index)) return;
    const term = termOf(token);
    const asksHowMuch = tokens[index - 1] === 'how';
    const next = tokens[index + 1];
    const weight = FRAMING_WORDS.has(token) || asksHowMuch ? FRAMING_WEIGHT : 1;
    let entry = terms.get(term);
    if (!entry) {
      entry = { term, weight, alternatives: new Map() };
      terms.set(term, entry);
    }
    entry.weight = Math.max(entry.weight, weight);
    if (weight === 1 && next !== undefined && modifiesNext(token, next, thesaurus)) entry.head = termOf(next);
    // "How long", "how often", "how quickly" ask for a number: a passage that states one answers
    // that part of the question even in other words ("within one working day").
    if (asksHowMuch) entry.alternatives.set(QUANTITY, { word: '', kind: 'quantity', factor: MATCH_FACTOR.quantity });
    for (const form of irregularFormsOf(token, thesaurus)) addAlternative(entry, form, 'inflection');
    for (const related of thesaurus.relatedTo(token)) addAlternative(entry, related.word, related.relation);
    const compound = next === undefined ? null : thesaurus.compoundOf(token, next);
    if (compound) addAlternative(entry, compound, 'compound');
    const phrasalVerb = next === undefined ? null : thesaurus.phrasalVerbOf(token, next);
    if (phrasalVerb) {
      particles.add(index + 1);
      for (const related of thesaurus.relatedTo(phrasalVerb)) addAlternative(entry, related.word, related.relation);
    }
  });
  // A word the question asks about itself counts for its own term only: "work" stands in for
  // "bring" in WordNet, but "can I bring my dog to work?" is not answered by a page about work.
  for (const entry of terms.values()) for (const stem of entry.alternatives.keys()) if (terms.has(stem)) entry.alternatives.delete(stem);
  // "When ..." asks for a time, which a passage states with a number: a date, an hour, "every
  // second Tuesday". Only as the question's first word; inside it, "when" joins two clauses.
  if (tokens[0] === 'when') terms.set(ASKS_WHEN, { term: ASKS_WHEN, weight: FRAMING_WEIGHT, alternatives: new Map([[QUANTITY, { word: '', kind: 'quantity', factor: MATCH_FACTOR.quantity }]]) });
  return [...terms.values()];
}

/** Whether a noun is the modifier of a noun compound the thesaurus does not know as one word: "paternity leave", not "dress code". */
function modifiesNext(token: string, next: string, thesaurus: Thesaurus): boolean {
  if (!isContentToken(next) || FRAMING_WORDS.has(next) || !LATIN_WORD.test(token) || !LATIN_WORD.test(next)) return false;
  return thesaurus.isMostlyNoun(token) && thesaurus.partsOfSpeechOf(next).includes('noun') && thesaurus.compoundOf(token, next) === null;
}

/** How fully a text whose stems are `present` contains the term: 1, a related word's factor, or 0. */
export function matchOf(term: QuestionTerm, present: ReadonlySet<string>): number {
  if (present.has(term.term)) return 1;
  let best = 0;
  for (const [stem, { factor }] of term.alternatives) if (factor > best && present.has(stem)) best = factor;
  return best;
}

export interface Coverage {
  /** Matched weight over the question's total weight, 0 to 1. */
  share: number;
  /** Topic (not framing) terms matched, directly or through a related word. */
  topicMatched: number;
  /** Topic terms the question has. */
  topicTerms: number;
}

export function coverageOf(terms: readonly QuestionTerm[], present: ReadonlySet<string>): Coverage {
  const byStem = new Map(terms.map((term) => [term.term, term]));
  const matches = new Map(terms.map((term) => [term, matchOf(term, present)]));
  // A missing modifier gives way where its head is named itself, or is a missing modifier that gives way ("holiday code freeze").
  const givesWay = (term: QuestionTerm): boolean => {
    const head = term.head === undefined ? undefined : byStem.get(term.head);
    return matches.get(term) === 0 && head !== undefined && (matches.get(head) === 1 || givesWay(head));
  };
  let matched = 0;
  let total = 0;
  let topicMatched = 0;
  let topicTerms = 0;
  for (const term of terms) {
    const match = matches.get(term) ?? 0;
    const weight = givesWay(term) ? MODIFIER_WEIGHT : term.weight;
    total += weight;
    matched += weight * match;
    if (weight === 1) {
      topicTerms++;
      if (match > 0) topicMatched++;
    }
  }
  return { share: total > 0 ? matched / total : 0, topicMatched, topicTerms };
}

/** The set of stems a passage holds, for `matchOf` and `coverageOf`, with a mark when it states a number. */
export function termSetOf(text: string): Set<string> {
  const present = new Set<string>();
  for (const token of matchingTokensOf(text)) {
    if (HAS_DIGIT.test(token) || NUMBER_WORDS.has(token)) present.add(QUANTITY);
    if (isContentToken(token)) present.add(termOf(token));
  }
  return present;
}
