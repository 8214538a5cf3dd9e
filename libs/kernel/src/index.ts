export * from './domain-error';
export * from './page';
export { withDeadline } from './async/with-deadline';
export { untilAborted } from './async/until-aborted';
export { tokenize, stem, termOf, lexicalTerms, contentTermsOf } from './text/lexical-terms';
export { cleanDocumentText, neutraliseMarkup } from './text/plain-text';
export { Thesaurus } from './text/thesaurus';
export {
  questionTermsOf,
  matchOf,
  coverageOf,
  termSetOf,
  type QuestionTerm,
  type Coverage,
} from './text/question-terms';
export { DepartmentTree, type TreeNode } from './access/department-tree';
export { inConversation, mayRead, readerScopeIn, scopeMayRead, type ReaderConversation, type ReaderScope } from './access/reading-rule';
export { readingRuleSql } from './access/reading-rule.sql';
export { ManagementScope } from './access/management-scope';
