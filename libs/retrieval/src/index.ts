export type { RetrievedChunk } from './domain/retrieved-chunk';
export { fuseByReciprocalRank, type FusedRank, type RankFusionOptions } from './domain/reciprocal-rank-fusion';
export { RetrievalModule } from './retrieval.module';
