import type { StoredFile } from './stored-file';

/** The file as API.md shows it to clients and on its event stream. */
export interface FileView {
  id: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  departmentId: string;
  visibility: StoredFile['visibility'];
  /** An attachment's conversation. */
  conversationId?: string;
  status: StoredFile['status'];
  stage?: NonNullable<StoredFile['stage']>;
  progress: number;
  chunkCount: number;
  pageCount: number | null;
  /** Whether chat answers from the file now: true through a reindex (and after a failed one) while its earlier chunks serve. */
  searchable: boolean;
  error?: { code: string; message: string };
  createdAt: string;
  updatedAt: string;
  lastProgressAt?: string;
  readyAt?: string;
}

export function toFileView(file: StoredFile): FileView {
  return {
    id: file.id,
    filename: file.filename,
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    departmentId: file.departmentId,
    visibility: file.visibility,
    ...(file.conversationId ? { conversationId: file.conversationId } : {}),
    status: file.status,
    ...(file.stage ? { stage: file.stage } : {}),
    progress: file.progress,
    chunkCount: file.chunkCount,
    pageCount: file.pageCount,
    searchable: file.isSearchable(),
    ...(file.status === 'failed' && file.errorCode ? { error: { code: file.errorCode, message: file.errorMessage ?? '' } } : {}),
    createdAt: file.createdAt.toISOString(),
    updatedAt: file.updatedAt.toISOString(),
    ...(file.lastProgressAt ? { lastProgressAt: file.lastProgressAt.toISOString() } : {}),
    ...(file.readyAt ? { readyAt: file.readyAt.toISOString() } : {}),
  };
}
