export type ChunkVisibility = 'department' | 'organization';

/** The file a chunk belongs to, with the access attributes every chunk copies for filtering. */
export interface IndexedFile {
  id: string;
  departmentId: string;
  visibility: ChunkVisibility;
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
export const NO_PAGE = -1;
