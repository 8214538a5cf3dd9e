export { newestGenerationOnly, type RetrievedChunk } from './domain/retrieved-chunk';
export { fuseByReciprocalRank, type FusedRank, type RankFusionOptions } from './domain/reciprocal-rank-fusion';
export { RetrievalModule } from './retrieval.module';
export {
  ChunkIndex,
  CorpusVersion,
  SearchTableMaintenance,
  VectorBackfill,
  VectorSpaces,
  type BackfillFile,
  type PublishOutcome,
  type SpaceVectors,
} from './indexing/indexing.ports';
export { NO_PAGE, type IndexedChunk, type IndexedFile, type ChunkVisibility } from './domain/indexed-chunk';
export type { VectorBuildStatus, VectorSpaceInfo } from './domain/vector-space';
export { CORPUS_VERSION_KEY } from './indexing/redis-corpus-version';
export { ChunkSearch, type SearchRequest } from './search/search.ports';
export { accessScopeOf, scopeKey, type AccessScope, type ScopeFilters } from './domain/access-scope';
