import type { ReaderScope } from './reading-rule';

export interface PlacementColumns {
  departmentId: string;
  visibility: string;
  conversationId: string;
  /** Where the table records who attached a document; a copy without it (a chunk) leaves the owner to the file's check. */
  ownerId?: string;
}

/**
 * The reading rule as a SQL condition over a table's placement columns (e.g. `f.department_id`,
 * `f.visibility`, `f.conversation_id`, `f.uploaded_by`), with its parameters in order: the one
 * SQL form of the rule that the search legs and the file registry all use. A reader outside a
 * conversation binds nulls, which match no attachment.
 */
export function readingRuleSql(scope: ReaderScope, columns: PlacementColumns): { sql: string; params: unknown[] } {
  const owner = columns.ownerId ? ` and ${columns.ownerId} = ?::uuid` : '';
  const attachment = `(${columns.visibility} = 'conversation' and ${columns.conversationId} = ?::uuid${owner})`;
  const conversation = scope.conversation ?? null;
  return {
    sql: `(${columns.visibility} = 'organization' or (${columns.visibility} = 'department' and ${columns.departmentId} = any(?::uuid[])) or ${attachment})`,
    params: [[...scope.departmentIds], conversation?.id ?? null, ...(columns.ownerId ? [conversation?.ownerId ?? null] : [])],
  };
}
