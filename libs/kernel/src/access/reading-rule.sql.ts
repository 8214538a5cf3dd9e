import type { ReaderScope } from './reading-rule';

/**
 * The reading rule as a SQL condition over a table's department and visibility columns (e.g.
 * `f.department_id`, `f.visibility`), with its parameters in order: the one SQL form of the rule
 * that the search legs and the file registry all use.
 */
export function readingRuleSql(scope: ReaderScope, columns: { departmentId: string; visibility: string }): { sql: string; params: unknown[] } {
  return {
    sql: `(${columns.visibility} = 'organization' or (${columns.visibility} = 'department' and ${columns.departmentId} = any(?::uuid[])))`,
    params: [[...scope.departmentIds]],
  };
}
