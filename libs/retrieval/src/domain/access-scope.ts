import { scopeMayRead, type ReaderConversation, type ReaderScope } from '@app/kernel';

/**
 * What one reader may retrieve: chunks of the documents the reading rule (kernel's
 * `reading-rule.ts`) lets them read, narrowed (never widened) by optional filters.
 */
export interface AccessScope {
  /** The reader's department and every department above it: whose department documents they read. */
  readerDepartmentIds: readonly string[];
  /** The conversation asked in: its owner's attachments there are readable beside the corpus. */
  conversation?: ReaderConversation;
  /** Only the conversation's attachments (a narrowing, like the filters): how they are ranked ahead of the corpus. */
  attachmentsOnly?: true;
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

export function accessScopeOf(reader: ReaderScope, filters: ScopeFilters = {}): AccessScope {
  const fileIds = canonical(filters.fileIds);
  const departmentIds = canonical(filters.departmentIds);
  const conversation = reader.conversation && { id: reader.conversation.id.toLowerCase(), ownerId: reader.conversation.ownerId.toLowerCase() };
  return {
    readerDepartmentIds: canonical(reader.departmentIds) ?? [],
    ...(conversation ? { conversation } : {}),
    ...(fileIds ? { fileIds } : {}),
    ...(departmentIds ? { departmentIds } : {}),
  };
}

/** The same scope narrowed to the conversation's attachments; null outside a conversation. */
export function attachmentsOnlyOf(scope: AccessScope): AccessScope | null {
  return scope.conversation ? { ...scope, attachmentsOnly: true } : null;
}

/** Where a chunk lives, as far as access is concerned. */
export interface ChunkPlacement {
  fileId: string;
  departmentId: string;
  visibility: string;
  conversationId?: string | null;
  ownerId?: string;
}

/** The access rule for one chunk: the reading rule, and inside every filter. */
export function scopeAdmits(scope: AccessScope, chunk: ChunkPlacement): boolean {
  if (!scopeMayRead({ departmentIds: scope.readerDepartmentIds, conversation: scope.conversation }, chunk)) return false;
  if (scope.attachmentsOnly && chunk.visibility !== 'conversation') return false;
  if (scope.fileIds && !scope.fileIds.includes(chunk.fileId.toLowerCase())) return false;
  return !scope.departmentIds || scope.departmentIds.includes(chunk.departmentId.toLowerCase());
}

/** Whether the scope narrows the rule by request filters. */
export function isFiltered(scope: AccessScope): boolean {
  return scope.fileIds !== undefined || scope.departmentIds !== undefined || scope.attachmentsOnly === true;
}

/**
 * Equal scopes give equal keys whatever order the filters came in. The key holds the reader's
 * resolved departments, not just their own, so after a department moves, its readers' cached
 * results are never served again; and the conversation, whose attachments no other reads.
 */
export function scopeKey(scope: AccessScope): string {
  const conversation = scope.conversation ? [scope.conversation.id, scope.conversation.ownerId, scope.attachmentsOnly === true] : null;
  return JSON.stringify([canonical(scope.readerDepartmentIds), canonical(scope.fileIds) ?? null, canonical(scope.departmentIds) ?? null, conversation]);
}
