import type { InsightScope } from '../domain/insight-scope';

/**
 * The scope as a condition on a department id column, with its parameters. A subtree is read
 * from the department tree at query time, so a department moved a moment ago counts where it
 * is now.
 */
export function scopeCondition(scope: InsightScope, departmentColumn: string): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'organization':
      return { sql: 'true', params: [] };
    case 'subtree':
      return {
        sql: `${departmentColumn} in (
                with recursive subtree(id) as (
                  select id from departments where id = ?::uuid
                  union
                  select d.id from departments d join subtree s on d.parent_id = s.id
                )
                select id from subtree)`,
        params: [scope.rootDepartmentId],
      };
  }
}
