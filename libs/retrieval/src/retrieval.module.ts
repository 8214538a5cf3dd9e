import { Module } from '@nestjs/common';

/** The search index (PostgreSQL chunks + Chroma vectors): written by ingestion, read by chat. */
@Module({
  providers: [],
  exports: [],
})
export class RetrievalModule {}
