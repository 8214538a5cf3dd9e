export type ChunkVisibility = 'department' | 'organization' | 'conversation';

/** The file a chunk belongs to, with the access attributes every chunk copies for filtering. */
export interface IndexedFile {
  id: string;
  departmentId: string;
  visibility: ChunkVisibility;
  /** An attachment's conversation; null (or absent) for the corpus. */
  conversationId?: string | null;
  /** Who attached it; set with conversationId. */
  ownerId?: string | null;
}

/** One chunk ready to index: its text for full text search; its vectors travel beside it, per vector space. */
export interface IndexedChunk {
  /** chunkId(fileId, index, generation) from the ingest module: the same id in PostgreSQL and Chroma. */
  id: string;
  index: number;
  text: string;
  page: number | null;
  headingPath: string[];
}

/** Chroma metadata has no null; a chunk without a page stores this instead. */
const NO_PAGE = -1;

/** The metadata a chunk's vector carries for the vector leg's access filter; Chroma has no null, so a corpus chunk has no conversationId. */
export function vectorMetadataOf(file: IndexedFile, chunk: IndexedChunk, generation: number): Record<string, string | number> {
  return {
    fileId: file.id,
    departmentId: file.departmentId,
    visibility: file.visibility,
    ...(file.conversationId ? { conversationId: file.conversationId, ownerId: file.ownerId ?? '' } : {}),
    page: chunk.page ?? NO_PAGE,
    chunkIndex: chunk.index,
    generation,
  };
}
