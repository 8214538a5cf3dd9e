import { Module } from '@nestjs/common';
import { ChromaVectorCollection } from './indexing/chroma-vector-collection';
import { PostgresChromaChunkIndex } from './indexing/postgres-chroma-chunk-index';
import { RedisCorpusVersion } from './indexing/redis-corpus-version';
import { ChunkIndex, CorpusVersion, SearchTableMaintenance, VectorSpace } from './indexing/indexing.ports';
import { PostgresSearchTableMaintenance } from './indexing/postgres-search-table-maintenance';
import { ChromaVectorLeg } from './search/chroma-vector.leg';
import { AppConfig } from '@app/platform';
import { FusionSettings, fusionSettingsOf } from './search/fusion-settings';
import { HybridChunkSearch } from './search/hybrid-chunk-search';
import { PostgresChunkText } from './search/postgres-chunk-text';
import { RedisSearchCache } from './search/redis-search-cache';
import { ChunkSearch, ChunkStore, FullTextLeg, SearchCache, VectorLeg } from './search/search.ports';

/** The search index (PostgreSQL chunks + Chroma vectors): written by ingestion, read by chat. */
@Module({
  providers: [
    ChromaVectorCollection,
    { provide: VectorSpace, useExisting: ChromaVectorCollection },
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
  exports: [ChunkIndex, CorpusVersion, VectorSpace, SearchTableMaintenance, ChunkSearch],
})
export class RetrievalModule {}
