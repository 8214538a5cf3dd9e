import { Module } from '@nestjs/common';
import { ChromaVectorCollection } from './indexing/chroma-vector-collection';
import { PostgresChromaChunkIndex } from './indexing/postgres-chroma-chunk-index';
import { RedisCorpusVersion } from './indexing/redis-corpus-version';
import { ChunkIndex, CorpusVersion, VectorSpace } from './indexing/indexing.ports';

/** The search index (PostgreSQL chunks + Chroma vectors): written by ingestion, read by chat. */
@Module({
  providers: [
    ChromaVectorCollection,
    { provide: VectorSpace, useExisting: ChromaVectorCollection },
    { provide: ChunkIndex, useClass: PostgresChromaChunkIndex },
    { provide: CorpusVersion, useClass: RedisCorpusVersion },
  ],
  exports: [ChunkIndex, CorpusVersion, VectorSpace],
})
export class RetrievalModule {}
