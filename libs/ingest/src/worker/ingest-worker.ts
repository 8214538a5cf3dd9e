import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { EmbeddingModels } from '@app/llm';
import { AppConfig, InjectRedis, type RedisClient } from '@app/platform';
import { VectorSpaces } from '@app/retrieval';
import { IngestJobProcessor } from './ingest-job.processor';
import { IngestReconciler } from './ingest-reconciler';
import { requireNoEviction } from './redis-eviction-policy';
import { SearchTableUpkeep } from './search-table-upkeep';

const SHUTDOWN_GRACE_MS = 25_000;

/**
 * Starts and stops the ingestion processor's BullMQ worker. Start-up refuses a Redis that may
 * evict keys, reports a configured embedding model that the live vectors were not built by, and
 * reconciles the queue with the registry (then keeps doing so on an interval) before the worker
 * takes its first job. Shutdown, before Nest closes the queue and its connections, lets the
 * running jobs finish; a job still running after the grace period is released and another worker
 * picks it up once its lock expires.
 */
@Injectable()
export class IngestWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IngestWorker.name);
  private reconcileTimer?: NodeJS.Timeout;
  private reconciling = false;

  constructor(
    private readonly config: AppConfig,
    @InjectRedis() private readonly redis: RedisClient,
    private readonly spaces: VectorSpaces,
    private readonly models: EmbeddingModels,
    private readonly reconciler: IngestReconciler,
    private readonly processor: IngestJobProcessor,
    private readonly orm: MikroORM,
    private readonly searchTableUpkeep: SearchTableUpkeep,
  ) {}

  async onApplicationBootstrap() {
    await requireNoEviction(this.redis);
    await RequestContext.create(this.orm.em, () => this.reportVectorSpace()).catch((error: unknown) => this.logger.warn(`Could not check the vector collection yet: ${(error as Error).message}`));
    await this.reconciler.reconcile();

    const worker = this.processor.worker;
    // The decorator's options are fixed when the class loads; the concurrency is configuration.
    worker.concurrency = this.config.get('INGEST_CONCURRENCY');
    void worker.run().catch((error: Error) => worker.emit('error', error));
    const interval = this.config.get('INGEST_RECONCILE_INTERVAL_MS');
    this.reconcileTimer = setInterval(() => void this.reconcileUnlessRunning(), interval);
    this.reconcileTimer.unref();
    this.logger.log(`Ingestion worker running, concurrency ${worker.concurrency}`);
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

  // While Redis is down a run waits for it; without this guard every interval would start one
  // more, and they would all run at once when Redis came back.
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

  // Before the application's shutdown hooks, where @nestjs/bullmq closes the worker without a
  // time limit: BullMQ's close ignores every call after the first, so the first one here decides
  // whether running jobs are waited for. Pausing takes no new job and resolves once the running
  // ones end; a forced close stops renewing their locks.
  async beforeApplicationShutdown() {
    clearInterval(this.reconcileTimer);
    this.processor.stop(); // a re-embed ends after its batch; the next reconcile resumes it
    const worker = this.processor.worker;
    const finished = worker.pause();
    const timedOut = await Promise.race([finished.then(() => false), sleep(SHUTDOWN_GRACE_MS).then(() => true)]);
    await worker.close(timedOut);
    await this.searchTableUpkeep.flush();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
