import type { DepartmentTree } from './department-tree';

/**
 * The one rule of who reads which document, declared here and compiled to every place that
 * filters (both search legs, the file registry):
 *
 * - an `organization` document is readable by everyone;
 * - a `department` document is readable by its department and every department below it;
 * - a `conversation` document (an attachment) is readable by the person who attached it, and
 *   only while they read inside the conversation it was attached to.
 *
 * Seen from the reader, that is: the organisation-wide documents, those of their own department
 * and of every department above it, and the attachments of the conversation they are in. That
 * set of departments is the reader's scope, resolved from the tree at each request, so a moved
 * user or department reads accordingly at once.
 */
export interface DocumentPlacement {
  departmentId: string;
  visibility: string;
  /** The conversation an attachment belongs to; absent or null for every other document. */
  conversationId?: string | null;
  /** Who attached it: checked where the document records it (the file), not on its chunks' copies. */
  ownerId?: string;
}

/** Whose department documents a reader may read: their department and each one above it. */
export interface ReaderScope {
  readonly departmentIds: readonly string[];
  /** The conversation the reader asks in, whose own attachments they read; absent outside one. */
  readonly conversation?: ReaderConversation;
}

export interface ReaderConversation {
  readonly id: string;
  /** The reader themselves: the conversation's owner. */
  readonly ownerId: string;
}

/** The reader's scope in a tree: their department's line up to the root. */
export function readerScopeIn(tree: DepartmentTree, readerDepartmentId: string): ReaderScope {
  return { departmentIds: tree.lineOf(readerDepartmentId) };
}

/** The same reader, reading inside one of their conversations. */
export function inConversation(scope: ReaderScope, conversation: ReaderConversation): ReaderScope {
  return { ...scope, conversation };
}

const same = (a: string | null | undefined, b: string) => a != null && a.toLowerCase() === b.toLowerCase();

/** The rule, from the reader's side. */
export function scopeMayRead(scope: ReaderScope, document: DocumentPlacement): boolean {
  if (document.visibility === 'organization') return true;
  if (document.visibility === 'conversation') return attachmentReadable(scope.conversation, document);
  const departmentId = document.departmentId.toLowerCase();
  return document.visibility === 'department' && scope.departmentIds.some((id) => id.toLowerCase() === departmentId);
}

/** The rule, from the document's side: what the scope form must agree with (the property test checks it). */
export function mayRead(tree: DepartmentTree, readerDepartmentId: string, document: DocumentPlacement, conversation?: ReaderConversation): boolean {
  if (document.visibility === 'organization') return true;
  if (document.visibility === 'conversation') return attachmentReadable(conversation, document);
  return document.visibility === 'department' && tree.subtreeOf(document.departmentId).includes(readerDepartmentId);
}

function attachmentReadable(conversation: ReaderConversation | undefined, document: DocumentPlacement): boolean {
  if (!conversation || !same(document.conversationId, conversation.id)) return false;
  return document.ownerId === undefined || same(document.ownerId, conversation.ownerId);
}
