export * from './domain-error';
export * from './page';
export { withDeadline } from './async/with-deadline';
export { untilAborted } from './async/until-aborted';
export { ENGLISH_STOPWORDS, tokenize, matchingTokensOf, stem, termOf, isContentToken, lexicalTerms, contentTermsOf } from './text/lexical-terms';
export { cleanDocumentText, neutraliseMarkup, stripCitationMarkers, stripMarkup } from './text/plain-text';
export { Thesaurus, sharedThesaurus, type Relation, type RelatedWord, type ThesaurusOptions } from './text/thesaurus';
export {
  questionTermsOf,
  matchOf,
  coverageOf,
  termSetOf,
  irregularFormsOf,
  MATCH_FACTOR,
  FRAMING_WEIGHT,
  type QuestionTerm,
  type Alternative,
  type AlternativeKind,
  type Coverage,
} from './text/question-terms';
