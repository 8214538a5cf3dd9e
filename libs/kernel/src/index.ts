export * from './domain-error';
export * from './page';
export { withDeadline } from './async/with-deadline';
export { untilAborted } from './async/until-aborted';
export { ENGLISH_STOPWORDS, tokenize, stem, lexicalTerms, contentTermsOf } from './text/lexical-terms';
export { DepartmentTree, type TreeNode } from './access/department-tree';
export { mayRead, readerScopeIn, scopeMayRead, type DocumentPlacement, type DocumentVisibility, type ReaderScope } from './access/reading-rule';
export { readingRuleSql } from './access/reading-rule.sql';
export { ManagementScope } from './access/management-scope';
