import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { UnrecoverableError, type Job } from 'bullmq';
import { IngestFile } from '../commands/ingest-file/ingest-file.command';
import { PurgeFile } from '../commands/purge-file/purge-file.command';
import { ReembedCorpus } from '../commands/reembed-corpus/reembed-corpus.command';
import { isPermanentFailure } from '../domain/ingestion-outcome';
import { IngestJob, InvalidJobData, parseFileJobData, parseReembedJobData } from '../jobs/ingest-jobs';

/**
 * The inbound adapter of the queue, like a controller is of HTTP: it parses the job, opens a
 * fresh MikroORM context and sends a command. Failures no retry can fix become BullMQ's
 * UnrecoverableError so the job ends at once.
 */
@Injectable()
export class IngestJobProcessor {
  // Long jobs (a re-embed) watch this and end early once the worker starts shutting down.
  private readonly stopping = new AbortController();

  constructor(
    private readonly commands: CommandBus,
    private readonly orm: MikroORM,
  ) {}

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
        return this.commands.execute(
          new IngestFile(fileId, job.attemptsMade + 1, job.opts.attempts ?? 1, (progress) => job.updateProgress(Math.round(progress * 100))),
        );
      }
      case IngestJob.purge:
        return this.commands.execute(new PurgeFile(parseFileJobData(job.data).fileId));
      case IngestJob.reembed:
        return this.commands.execute(new ReembedCorpus(parseReembedJobData(job.data).spaceId, this.stopping.signal));
      default:
        throw new InvalidJobData(`unknown job name "${job.name}"`);
    }
  }
}
