import { type DynamicModule, Module } from '@nestjs/common';
import { FilesModule } from '@app/files';
import { IngestModule } from '@app/ingest';
import { LlmModule } from '@app/llm';
import { AppConfigModule, PlatformModule } from '@app/platform';
import { MetricsListener } from './metrics-listener';

/** The ingestion worker: the queue, the registry and the index; HTTP only for metrics. */
@Module({
  imports: [PlatformModule, LlmModule, FilesModule, IngestModule.forWorker(FilesModule)],
  providers: [MetricsListener],
})
export class WorkerModule {
  /** The worker with its configuration, read from the environment now. */
  static forRoot(): DynamicModule {
    return { module: WorkerModule, imports: [AppConfigModule.forRoot()] };
  }
}
