export { newestGenerationOnly, type RetrievedChunk } from './domain/retrieved-chunk';
export { fuseByReciprocalRank } from './domain/reciprocal-rank-fusion';
export { RetrievalModule } from './retrieval.module';
export { ChunkIndex, CorpusVersion, SearchTableMaintenance, VectorBackfill, VectorSpaces, type BackfillFile, type PublishOutcome, type SpaceVectors } from './indexing/indexing.ports';
export { type IndexedChunk, type IndexedFile } from './domain/indexed-chunk';
export type { VectorBuildStatus, VectorSpaceInfo } from './domain/vector-space';
export { ChunkSearch } from './search/search.ports';
export { accessScopeOf, type AccessScope, type ScopeFilters } from './domain/access-scope';
