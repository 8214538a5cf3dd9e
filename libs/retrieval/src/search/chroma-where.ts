import type { AccessScope } from '../domain/access-scope';

type Clause = Record<string, unknown>;

/** The access rule as a Chroma metadata filter, so the vector leg never ranks what the reader may not see. */
export function chromaWhereOf(scope: AccessScope): Clause {
  const clauses: Clause[] = [{ $or: [{ visibility: 'organization' }, { departmentId: scope.readerDepartmentId }] }];
  if (scope.fileIds) clauses.push({ fileId: { $in: [...scope.fileIds] } });
  if (scope.departmentIds) clauses.push({ departmentId: { $in: [...scope.departmentIds] } });
  // Chroma wants at least two operands in $and
  return clauses.length === 1 ? clauses[0] : { $and: clauses };
}
