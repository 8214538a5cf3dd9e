import type { AccessScope } from '../domain/access-scope';

type Clause = Record<string, unknown>;

/**
 * The reading rule (kernel's `reading-rule.ts`) as a Chroma metadata filter, so the vector leg
 * never ranks what the reader may not see.
 */
export function chromaWhereOf(scope: AccessScope): Clause {
  const departmentDocuments = { $and: [{ visibility: 'department' }, { departmentId: { $in: [...scope.readerDepartmentIds] } }] };
  // A reader of no department (an account whose department is gone) reads the organisation's documents only.
  const rule = scope.readerDepartmentIds.length ? { $or: [{ visibility: 'organization' }, departmentDocuments] } : { visibility: 'organization' };
  const clauses: Clause[] = [rule];
  if (scope.fileIds) clauses.push({ fileId: { $in: [...scope.fileIds] } });
  if (scope.departmentIds) clauses.push({ departmentId: { $in: [...scope.departmentIds] } });
  // Chroma wants at least two operands in $and
  return clauses.length === 1 ? clauses[0] : { $and: clauses };
}
