/** The retrieval module's test support, for specs only. */
export { RecordingChunkSearch } from './recording-chunk-search';
// The legs behind ChunkSearch, for the spec that checks each compiled form of the reading rule.
export { ChunkStore, FullTextLeg, VectorLeg } from '../search/search.ports';
