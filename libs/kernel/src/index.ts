export * from './domain-error';
export * from './page';
export { ENGLISH_STOPWORDS, tokenize, stem, lexicalTerms, contentTermsOf, termCoverage } from './text/lexical-terms';
