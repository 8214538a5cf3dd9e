export * from './domain-error';
export * from './page';
export { withDeadline } from './async/with-deadline';
export { untilAborted } from './async/until-aborted';
export { ENGLISH_STOPWORDS, tokenize, stem, lexicalTerms, contentTermsOf } from './text/lexical-terms';
export { cleanDocumentText, neutraliseMarkup, stripCitationMarkers, stripMarkup } from './text/plain-text';
