import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { EmbeddingModels } from '@app/llm';
import { AppConfig } from '@app/platform';
import { VectorSpaces } from '@app/retrieval';
import { IngestJob, parseFileJobData, parseReembedJobData, INGEST_QUEUE } from '../jobs/ingest-jobs';
import { IngestionFiles } from '../ingest.ports';
import { bullConnection } from '../queue/redis-connection';
import { IngestJobProcessor } from './ingest-job.processor';
import { IngestReconciler } from './ingest-reconciler';
import { requireNoEviction } from './redis-eviction-policy';
import { SearchTableUpkeep } from './search-table-upkeep';

// A job whose worker stops renewing its lock for this long is handed to another worker.
const LOCK_DURATION_MS = 60_000;
const SHUTDOWN_GRACE_MS = 25_000;

/**
 * Runs the ingestion queue in this process. Start-up refuses a Redis that may evict keys,
 * reports a configured embedding model that the live vectors were not built by, and reconciles the queue
 * with the registry (then keeps doing so on an interval). Finished jobs prompt the search
 * tables' upkeep. Shutdown lets the running jobs finish; a job still running after the grace
 * period is released and another worker picks it up once its lock expires.
 */
@Injectable()
export class IngestWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IngestWorker.name);
  private worker?: Worker;
  private connection?: Redis;
  private reconcileTimer?: NodeJS.Timeout;
  private reconciling = false;

  constructor(
    private readonly config: AppConfig,
    private readonly redis: Redis,
    private readonly spaces: VectorSpaces,
    private readonly models: EmbeddingModels,
    private readonly reconciler: IngestReconciler,
    private readonly processor: IngestJobProcessor,
    private readonly files: IngestionFiles,
    private readonly orm: MikroORM,
    private readonly searchTableUpkeep: SearchTableUpkeep,
  ) {}

  async onApplicationBootstrap() {
    await requireNoEviction(this.redis);
    await RequestContext.create(this.orm.em, () => this.reportVectorSpace()).catch((error: unknown) =>
      this.logger.warn(`Could not check the vector collection yet: ${(error as Error).message}`),
    );
    await this.reconciler.reconcile();

    this.connection = bullConnection(this.config.get('REDIS_URL'), 'worker');
    this.worker = new Worker(INGEST_QUEUE, (job) => this.processor.process(job), {
      connection: this.connection,
      concurrency: this.config.get('INGEST_CONCURRENCY'),
      lockDuration: LOCK_DURATION_MS,
      maxStalledCount: 2,
    });
    this.worker.on('completed', () => this.searchTableUpkeep.afterJob());
    this.worker.on('failed', (job, error) => void this.recordFinalFailure(job, error));
    this.worker.on('error', (error) => this.logger.error(`Queue connection problem: ${error.message}`));
    const interval = this.config.get('INGEST_RECONCILE_INTERVAL_MS');
    this.reconcileTimer = setInterval(() => void this.reconcileUnlessRunning(), interval);
    this.reconcileTimer.unref();
    this.logger.log(`Ingestion worker running, concurrency ${this.config.get('INGEST_CONCURRENCY')}`);
  }

  private async reportVectorSpace() {
    const live = await this.spaces.live();
    const configured = this.models.configured.modelId;
    if (live.modelId === configured) return;
    this.logger.warn(
      `Searches and ingestion use the vectors of ${live.modelId} in collection "${live.collection}", but this worker is configured for ${configured}; ` +
        'an admin re-embed (POST /api/v1/files/reembed) builds those beside them and switches to them when complete',
    );
  }

  // While Redis is down a run waits out its timeouts; without this guard every interval would
  // start one more, and they would all run at once when Redis came back.
  private async reconcileUnlessRunning() {
    if (this.reconciling) return;
    this.reconciling = true;
    try {
      await this.reconciler.reconcile();
    } catch (error) {
      this.logger.warn(`Reconcile failed: ${(error as Error).message}`);
    } finally {
      this.reconciling = false;
    }
  }

  async onApplicationShutdown() {
    clearInterval(this.reconcileTimer);
    this.processor.stop(); // a re-embed ends after its batch; the next reconcile resumes it
    if (this.worker) {
      const closed = this.worker.close();
      const timedOut = await Promise.race([closed.then(() => false), sleep(SHUTDOWN_GRACE_MS).then(() => true)]);
      if (timedOut) await this.worker.close(true);
    }
    await this.searchTableUpkeep.flush();
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }

  /**
   * The handler records failures it sees; this catches those it cannot, such as a job that
   * stalled too often (its worker kept dying) or an error before the handler ran.
   */
  private async recordFinalFailure(job: Job | undefined, error: Error) {
    if (!job || (job.name !== IngestJob.file && job.name !== IngestJob.reembed)) return;
    const stalled = /stalled/i.test(error.message);
    const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1) || stalled;
    if (!final) return;
    try {
      if (job.name === IngestJob.reembed) {
        // The live space keeps answering; the new one is dropped, and a new POST starts over.
        const { spaceId } = parseReembedJobData(job.data);
        const code = stalled ? 'reembed_stalled' : 'reembed_failed';
        await RequestContext.create(this.orm.em, () => this.spaces.fail(spaceId, { code, message: error.message }));
        return;
      }
      const { fileId } = parseFileJobData(job.data);
      const code = stalled ? 'ingestion_stalled' : 'ingestion_failed';
      await RequestContext.create(this.orm.em, () => this.files.markFailed(fileId, { code, message: error.message }));
    } catch (failure) {
      this.logger.error(`Could not record the failure of job ${job.id}: ${(failure as Error).message}`);
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
