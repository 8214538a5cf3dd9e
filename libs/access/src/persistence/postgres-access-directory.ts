import { Injectable } from '@nestjs/common';
import { DepartmentTree, ManagementScope, type ReaderScope } from '@app/kernel';
import { type Actor, PreparedQueries } from '@app/platform';
import { AccessDirectory } from '../access.ports';

// Far deeper than any organisation; only there so that a corrupted tree cannot recurse forever.
const MAX_DEPTH = 1000;

const lineSql = `
  with recursive line (id, parent_id, depth) as (
    select id, parent_id, 0 from departments where id = ?
    union all
    select d.id, d.parent_id, l.depth + 1 from departments d join line l on d.id = l.parent_id where l.depth < ${MAX_DEPTH}
  )
  select id from line order by depth`;

const subtreeSql = `
  with recursive below (id, depth) as (
    select id, 0 from departments where id = ?
    union all
    select d.id, b.depth + 1 from departments d join below b on d.parent_id = b.id where b.depth < ${MAX_DEPTH}
  )
  select distinct id from below`;

/** Recursive queries over `departments`, run as prepared statements: the reader's scope is read before every search. */
@Injectable()
export class PostgresAccessDirectory extends AccessDirectory {
  constructor(private readonly sql: PreparedQueries) {
    super();
  }

  async readerScopeOf(departmentId: string): Promise<ReaderScope> {
    const rows = await this.sql.rows<{ id: string }>(lineSql, [departmentId]);
    return { departmentIds: rows.map((row) => row.id) };
  }

  async managementScopeOf(actor: Actor): Promise<ManagementScope> {
    if (actor.role === 'admin') return ManagementScope.organization();
    if (actor.role !== 'department_admin') return ManagementScope.none();
    const rows = await this.sql.rows<{ id: string }>(subtreeSql, [actor.departmentId]);
    // A department admin whose department is gone administers nothing.
    return rows.length
      ? ManagementScope.subtree(
          actor.departmentId,
          rows.map((row) => row.id),
        )
      : ManagementScope.none();
  }

  async tree(): Promise<DepartmentTree> {
    return new DepartmentTree(await this.sql.rows<{ id: string; parentId: string | null }>('select id, parent_id as "parentId" from departments', []));
  }
}
