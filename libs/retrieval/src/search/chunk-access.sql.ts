import { readingRuleSql } from '@app/kernel';
import type { AccessScope } from '../domain/access-scope';

/**
 * The access rule as SQL over `chunks c join files f`, with its parameters in order. The file
 * row is the authority (visibility can change after indexing); the chunk's copy is checked too
 * so the index on (department_id, visibility) can narrow the scan. Both are the reading rule's
 * one SQL form (the owner of an attachment is the file's to say). A chunk counts only while its generation is its file's live one: a file being
 * reindexed answers with the chunks it had until the new ones are published, whatever its status
 * says, and never with both.
 */
export function chunkAccessWhere(scope: AccessScope): { sql: string; params: unknown[] } {
  const reader = { departmentIds: scope.readerDepartmentIds, conversation: scope.conversation };
  const onFile = readingRuleSql(reader, { departmentId: 'f.department_id', visibility: 'f.visibility', conversationId: 'f.conversation_id', ownerId: 'f.uploaded_by' });
  const onChunk = readingRuleSql(reader, { departmentId: 'c.department_id', visibility: 'c.visibility', conversationId: 'c.conversation_id' });
  const clauses = ['c.generation = f.live_generation', 'f.deleted_at is null', onFile.sql, onChunk.sql];
  const params: unknown[] = [...onFile.params, ...onChunk.params];
  if (scope.attachmentsOnly) clauses.push(`f.visibility = 'conversation'`);
  if (scope.fileIds) {
    clauses.push('c.file_id = any(?::uuid[])');
    params.push(scope.fileIds.length ? [...scope.fileIds] : null);
  }
  if (scope.departmentIds) {
    clauses.push('f.department_id = any(?::uuid[])');
    params.push(scope.departmentIds.length ? [...scope.departmentIds] : null);
  }
  return { sql: clauses.join(' and '), params };
}
