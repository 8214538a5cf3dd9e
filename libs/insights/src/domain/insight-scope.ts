/**
 * Whose answers a reader of the admin reports (feedback, usage) may see, by the askers'
 * departments: every department, or one department's subtree. The one place that decides it;
 * each read model compiles the scope into its own filter.
 */
export type InsightScope = { readonly kind: 'organization' } | { readonly kind: 'subtree'; readonly rootDepartmentId: string };

export interface InsightReader {
  role: string;
  departmentId: string;
}

/**
 * Null for a reader who may not read the reports. Administrators read the whole organisation;
 * a department administrator role, once it exists, returns
 * `{ kind: 'subtree', rootDepartmentId: reader.departmentId }` here and nothing else changes.
 */
export function insightScopeOf(reader: InsightReader): InsightScope | null {
  switch (reader.role) {
    case 'admin':
      return { kind: 'organization' };
    default:
      return null;
  }
}
