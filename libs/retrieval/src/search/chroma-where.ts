import type { AccessScope } from '../domain/access-scope';

type Clause = Record<string, unknown>;

/**
 * The reading rule (kernel's `reading-rule.ts`) as a Chroma metadata filter, so the vector leg
 * never ranks what the reader may not see.
 */
export function chromaWhereOf(scope: AccessScope): Clause {
  const readable: Clause[] = [{ visibility: 'organization' }];
  // A reader of no department (an account whose department is gone) reads no department's documents.
  if (scope.readerDepartmentIds.length) readable.push({ $and: [{ visibility: 'department' }, { departmentId: { $in: [...scope.readerDepartmentIds] } }] });
  // Only attachments carry a conversationId and an ownerId.
  if (scope.conversation) readable.push({ $and: [{ visibility: 'conversation' }, { conversationId: scope.conversation.id }, { ownerId: scope.conversation.ownerId }] });
  const clauses: Clause[] = [readable.length === 1 ? readable[0] : { $or: readable }];
  if (scope.attachmentsOnly) clauses.push({ visibility: 'conversation' });
  if (scope.fileIds) clauses.push({ fileId: { $in: [...scope.fileIds] } });
  if (scope.departmentIds) clauses.push({ departmentId: { $in: [...scope.departmentIds] } });
  // Chroma wants at least two operands in $and
  return clauses.length === 1 ? clauses[0] : { $and: clauses };
}
