import { Module } from '@nestjs/common';
import { AppConfig } from '@app/platform';
import { ChromaCollections } from './indexing/chroma-collections';
import { ChunkIndex, CorpusVersion, SearchTableMaintenance, VectorBackfill, VectorSpaces } from './indexing/indexing.ports';
import { PostgresChromaChunkIndex } from './indexing/postgres-chroma-chunk-index';
import { PostgresSearchTableMaintenance } from './indexing/postgres-search-table-maintenance';
import { PostgresVectorBackfill } from './indexing/postgres-vector-backfill';
import { PostgresVectorSpaces } from './indexing/postgres-vector-spaces';
import { RedisCorpusVersion } from './indexing/redis-corpus-version';
import { ChromaVectorLeg } from './search/chroma-vector.leg';
import { FusionSettings, fusionSettingsOf } from './search/fusion-settings';
import { HybridChunkSearch } from './search/hybrid-chunk-search';
import { PostgresChunkText } from './search/postgres-chunk-text';
import { RedisSearchCache } from './search/redis-search-cache';
import { ChunkSearch, ChunkStore, FullTextLeg, SearchCache, VectorLeg } from './search/search.ports';

/** The search index (PostgreSQL chunks + Chroma vectors): written by ingestion, read by chat. */
@Module({
  providers: [
    ChromaCollections,
    { provide: VectorSpaces, useClass: PostgresVectorSpaces },
    { provide: VectorBackfill, useClass: PostgresVectorBackfill },
    { provide: ChunkIndex, useClass: PostgresChromaChunkIndex },
    { provide: CorpusVersion, useClass: RedisCorpusVersion },
    { provide: SearchTableMaintenance, useClass: PostgresSearchTableMaintenance },
    PostgresChunkText,
    { provide: FullTextLeg, useExisting: PostgresChunkText },
    { provide: ChunkStore, useExisting: PostgresChunkText },
    { provide: VectorLeg, useClass: ChromaVectorLeg },
    { provide: SearchCache, useClass: RedisSearchCache },
    { provide: FusionSettings, useFactory: fusionSettingsOf, inject: [AppConfig] },
    { provide: ChunkSearch, useClass: HybridChunkSearch },
  ],
  exports: [ChunkIndex, CorpusVersion, VectorSpaces, VectorBackfill, SearchTableMaintenance, ChunkSearch],
})
export class RetrievalModule {}
