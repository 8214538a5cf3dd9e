import type { RetrievedChunk } from '@app/retrieval';

/** A retrieved chunk for tests, with only the fields a test cares about to set. */
export function aChunk(text: string, overrides: Partial<RetrievedChunk> = {}): RetrievedChunk {
  const id = overrides.chunkId ?? `chunk-${text.slice(0, 12).replace(/\W+/g, '-')}`;
  return { chunkId: id, fileId: 'file-1', filename: 'handbook.pdf', page: 1, headingPath: [], text, score: 0.5, ...overrides };
}
