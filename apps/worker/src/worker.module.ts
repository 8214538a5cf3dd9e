import { Module } from '@nestjs/common';
import { FilesModule } from '@app/files';
import { IngestModule } from '@app/ingest';
import { LlmModule } from '@app/llm';
import { PlatformModule } from '@app/platform';

/** The ingestion worker: no HTTP, just the queue, the registry and the index. */
@Module({
  imports: [PlatformModule, LlmModule, FilesModule, IngestModule.forWorker(FilesModule)],
})
export class WorkerModule {}
