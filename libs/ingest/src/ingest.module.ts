import { DynamicModule, Module, Type } from '@nestjs/common';
import { AppConfig, PlatformModule } from '@app/platform';
import { RetrievalModule } from '@app/retrieval';
import { IngestFileHandler } from './commands/ingest-file/ingest-file.handler';
import { IngestionSettings } from './commands/ingest-file/ingestion-settings';
import { PurgeFileHandler } from './commands/purge-file/purge-file.handler';
import { ReembedCorpusHandler } from './commands/reembed-corpus/reembed-corpus.handler';
import { ReembedSettings } from './commands/reembed-corpus/reembed-settings';
import { DocumentParser, IngestionTimings } from './ingest.ports';
import { ParseBudget } from './parse-pool/parse-budget';
import { ThreadedDocumentParser } from './parse-pool/threaded-document-parser';
import { IngestQueueModule } from './queue/ingest-queue.module';
import { IngestJobProcessor } from './worker/ingest-job.processor';
import { IngestReconciler } from './worker/ingest-reconciler';
import { IngestWorker } from './worker/ingest-worker';
import { PrometheusIngestionTimings } from './worker/prometheus-ingestion-timings';
import { SearchTableUpkeep } from './worker/search-table-upkeep';

const EMBEDDING_BATCH_SIZE = 64;
// A re-embed batch: two Chroma writes, and few enough rows that its PostgreSQL reads stay short.
const REEMBED_BATCH_CHUNKS = 512;
// A file's stage and progress reach the registry (and its event stream) at most this often.
const PROGRESS_INTERVAL_MS = 1000;

/**
 * The worker side of ingestion. The file registry is the files module's, which depends on
 * this library (for sniffing and the job contract); so the app hands that module in here
 * instead of this library importing it, which would be a cycle.
 */
@Module({})
export class IngestModule {
  static forWorker(fileRegistry: Type<unknown>): DynamicModule {
    return {
      module: IngestModule,
      imports: [PlatformModule, fileRegistry, IngestQueueModule, RetrievalModule], // PlatformModule for Metrics
      providers: [
        {
          provide: IngestionSettings,
          inject: [AppConfig],
          useFactory: (config: AppConfig): IngestionSettings => ({
            timeoutMs: config.get('INGEST_JOB_TIMEOUT_MS'),
            embeddingBatchSize: EMBEDDING_BATCH_SIZE,
            progressIntervalMs: PROGRESS_INTERVAL_MS,
          }),
        },
        {
          provide: ParseBudget,
          inject: [AppConfig],
          useFactory: (config: AppConfig): ParseBudget => ({
            threads: config.get('INGEST_PARSE_THREADS'),
            cpuMs: config.get('INGEST_PARSE_CPU_MS'),
            memoryMb: config.get('INGEST_PARSE_MEMORY_MB'),
            // A parse that outlives its job has no one waiting for it; its thread is wanted back.
            wallClockMs: config.get('INGEST_JOB_TIMEOUT_MS'),
          }),
        },
        { provide: DocumentParser, inject: [ParseBudget], useFactory: (budget: ParseBudget) => new ThreadedDocumentParser(budget) },
        {
          provide: ReembedSettings,
          inject: [AppConfig],
          useFactory: (config: AppConfig): ReembedSettings => ({
            batchChunks: REEMBED_BATCH_CHUNKS,
            embeddingBatchSize: EMBEDDING_BATCH_SIZE,
            pauseMs: config.get('REEMBED_BATCH_PAUSE_MS'),
          }),
        },
        { provide: IngestionTimings, useClass: PrometheusIngestionTimings },
        IngestFileHandler,
        PurgeFileHandler,
        ReembedCorpusHandler,
        IngestJobProcessor,
        IngestReconciler,
        IngestWorker,
        SearchTableUpkeep,
      ],
      exports: [IngestReconciler],
    };
  }
}
