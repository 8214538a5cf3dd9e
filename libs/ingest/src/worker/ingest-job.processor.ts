import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { UnrecoverableError, type Job } from 'bullmq';
import { VectorSpaces } from '@app/retrieval';
import { IngestFile } from '../commands/ingest-file/ingest-file.command';
import { PurgeFile } from '../commands/purge-file/purge-file.command';
import { ReembedCorpus } from '../commands/reembed-corpus/reembed-corpus.command';
import { isPermanentFailure } from '../domain/ingestion-outcome';
import { INGEST_QUEUE, IngestJob, InvalidJobData, parseFileJobData, parseReembedJobData } from '../jobs/ingest-jobs';
import { IngestionFiles } from '../ingest.ports';
import { SearchTableUpkeep } from './search-table-upkeep';

// A job whose worker stops renewing its lock for this long is handed to another worker.
const LOCK_DURATION_MS = 60_000;

/**
 * The inbound adapter of the queue, like a controller is of HTTP: it parses the job, opens a
 * fresh MikroORM context and sends a command. Failures no retry can fix become BullMQ's
 * UnrecoverableError so the job ends at once. The worker does not start with the module:
 * IngestWorker sets its concurrency and runs it once the start-up checks have passed.
 */
@Processor(INGEST_QUEUE, { autorun: false, lockDuration: LOCK_DURATION_MS, maxStalledCount: 2 })
export class IngestJobProcessor extends WorkerHost {
  private readonly logger = new Logger(IngestJobProcessor.name);
  // Long jobs (a re-embed) watch this and end early once the worker starts shutting down.
  private readonly stopping = new AbortController();

  constructor(
    private readonly commands: CommandBus,
    private readonly orm: MikroORM,
    private readonly files: IngestionFiles,
    private readonly spaces: VectorSpaces,
    private readonly searchTableUpkeep: SearchTableUpkeep,
  ) {
    super();
  }

  /** Tells long-running jobs to end at their next step. */
  stop(): void {
    this.stopping.abort();
  }

  process(job: Job): Promise<unknown> {
    return RequestContext.create(this.orm.em, async () => {
      try {
        return await this.dispatch(job);
      } catch (error) {
        if (isPermanentFailure(error) || error instanceof InvalidJobData) throw new UnrecoverableError((error as Error).message);
        throw error;
      }
    });
  }

  private dispatch(job: Job): Promise<unknown> {
    switch (job.name) {
      case IngestJob.file: {
        const { fileId } = parseFileJobData(job.data);
        return this.commands.execute(new IngestFile(fileId, job.attemptsMade + 1, job.opts.attempts ?? 1, (progress) => job.updateProgress(Math.round(progress * 100))));
      }
      case IngestJob.purge:
        return this.commands.execute(new PurgeFile(parseFileJobData(job.data).fileId));
      case IngestJob.reembed:
        return this.commands.execute(new ReembedCorpus(parseReembedJobData(job.data).spaceId, this.stopping.signal));
      default:
        throw new InvalidJobData(`unknown job name "${job.name}"`);
    }
  }

  @OnWorkerEvent('completed')
  onCompleted() {
    this.searchTableUpkeep.afterJob();
  }

  @OnWorkerEvent('error')
  onError(error: Error) {
    this.logger.error(`Queue connection problem: ${error.message}`);
  }

  /**
   * The handler records failures it sees; this catches those it cannot, such as a job that
   * stalled too often (its worker kept dying) or an error before the handler ran.
   */
  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error) {
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
