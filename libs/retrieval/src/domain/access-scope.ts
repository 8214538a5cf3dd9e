/**
 * What one reader may retrieve: chunks of organisation-wide files and of files of their own
 * department, narrowed (never widened) by optional filters.
 */
export interface AccessScope {
  readerDepartmentId: string;
  /** Only these files; absent means no narrowing. */
  fileIds?: readonly string[];
  /** Only files of these departments; absent means no narrowing. */
  departmentIds?: readonly string[];
}

export interface ScopeFilters {
  fileIds?: readonly string[];
  departmentIds?: readonly string[];
}

const canonical = (ids: readonly string[] | undefined) => (ids ? [...new Set(ids.map((id) => id.toLowerCase()))].sort() : undefined);

export function accessScopeOf(reader: { departmentId: string }, filters: ScopeFilters = {}): AccessScope {
  const fileIds = canonical(filters.fileIds);
  const departmentIds = canonical(filters.departmentIds);
  return {
    readerDepartmentId: reader.departmentId.toLowerCase(),
    ...(fileIds ? { fileIds } : {}),
    ...(departmentIds ? { departmentIds } : {}),
  };
}

/** Equal scopes give equal keys whatever order the filters came in. */
export function scopeKey(scope: AccessScope): string {
  return JSON.stringify([scope.readerDepartmentId, canonical(scope.fileIds) ?? null, canonical(scope.departmentIds) ?? null]);
}
