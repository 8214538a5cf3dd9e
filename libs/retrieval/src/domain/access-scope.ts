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

/** Where a chunk lives, as far as access is concerned. */
export interface ChunkPlacement {
  fileId: string;
  departmentId: string;
  visibility: string;
}

/** The access rule for one chunk: organisation-wide or the reader's department, and inside every filter. */
export function scopeAdmits(scope: AccessScope, chunk: ChunkPlacement): boolean {
  const departmentId = chunk.departmentId.toLowerCase();
  if (chunk.visibility !== 'organization' && departmentId !== scope.readerDepartmentId) return false;
  if (scope.fileIds && !scope.fileIds.includes(chunk.fileId.toLowerCase())) return false;
  return !scope.departmentIds || scope.departmentIds.includes(departmentId);
}

/** Whether the scope narrows the rule by request filters. */
export function isFiltered(scope: AccessScope): boolean {
  return scope.fileIds !== undefined || scope.departmentIds !== undefined;
}

/** Equal scopes give equal keys whatever order the filters came in. */
export function scopeKey(scope: AccessScope): string {
  return JSON.stringify([scope.readerDepartmentId, canonical(scope.fileIds) ?? null, canonical(scope.departmentIds) ?? null]);
}
