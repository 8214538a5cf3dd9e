import type { DepartmentTree } from './department-tree';

/**
 * The one rule of who reads which document, declared here and compiled to every place that
 * filters (both search legs, the file registry):
 *
 * - an `organization` document is readable by everyone;
 * - a `department` document is readable by its department and every department below it.
 *
 * Seen from the reader, that is: the organisation-wide documents, and those of their own
 * department and of every department above it. That set of departments is the reader's scope,
 * resolved from the tree at each request, so a moved user or department reads accordingly at once.
 */
export interface DocumentPlacement {
  departmentId: string;
  visibility: string;
}

/** Whose department documents a reader may read: their department and each one above it. */
export interface ReaderScope {
  readonly departmentIds: readonly string[];
}

/** The reader's scope in a tree: their department's line up to the root. */
export function readerScopeIn(tree: DepartmentTree, readerDepartmentId: string): ReaderScope {
  return { departmentIds: tree.lineOf(readerDepartmentId) };
}

/** The rule, from the reader's side. */
export function scopeMayRead(scope: ReaderScope, document: DocumentPlacement): boolean {
  if (document.visibility === 'organization') return true;
  const departmentId = document.departmentId.toLowerCase();
  return document.visibility === 'department' && scope.departmentIds.some((id) => id.toLowerCase() === departmentId);
}

/** The rule, from the document's side: what the scope form must agree with (the property test checks it). */
export function mayRead(tree: DepartmentTree, readerDepartmentId: string, document: DocumentPlacement): boolean {
  if (document.visibility === 'organization') return true;
  return document.visibility === 'department' && tree.subtreeOf(document.departmentId).includes(readerDepartmentId);
}
