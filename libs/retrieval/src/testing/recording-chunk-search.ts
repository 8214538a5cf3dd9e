import type { RetrievedChunk } from '../domain/retrieved-chunk';
import { ChunkSearch, type SearchRequest } from '../search/search.ports';

/** A search that answers as the spec says and keeps every request, for handler and agent specs. */
export class RecordingChunkSearch extends ChunkSearch {
  readonly requests: SearchRequest[] = [];

  constructor(private readonly answer: (request: SearchRequest) => Promise<RetrievedChunk[]> = async () => []) {
    super();
  }

  search(request: SearchRequest): Promise<RetrievedChunk[]> {
    this.requests.push(request);
    return this.answer(request);
  }
}
