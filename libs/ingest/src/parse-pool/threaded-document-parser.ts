import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { DocumentType, ParsedDocument } from '../domain/parsed-document';
import { DocumentParser } from '../ingest.ports';
import type { ParseLimits } from '../parsing/parse-limits';
import { ParseBudget } from './parse-budget';
import type { ParseOutcome, ParseStarted, ParseTask } from './parse-thread';
import { restoreRejection } from './transferred-rejection';
import { ThreadBudgetWatch, tooMuchMemory } from './thread-budget-watch';

/**
 * Parses on a small pool of threads that live as long as the worker, so the worker's event loop
 * (its job locks, progress, other files' embedding) never waits on a parse, and a document that
 * would parse for minutes or fill the heap is stopped at its budget and fails
 * `document_too_complex` while the other threads go on. The thread is terminated with it, and
 * piscina starts a fresh one. On shutdown the parses under way finish first.
 */
export class ThreadedDocumentParser extends DocumentParser implements OnApplicationShutdown {
  private readonly logger = new Logger(ThreadedDocumentParser.name);
  private pool: Piscina<ParseTask, ParseOutcome> | null = null;
  private closed = false;

  constructor(
    private readonly budget: ParseBudget,
    private readonly limits: Partial<ParseLimits> = {},
  ) {
    super();
  }

  async parse(bytes: Buffer, type: DocumentType): Promise<ParsedDocument> {
    const pool = this.threads();
    const abort = new AbortController();
    const watch = new ThreadBudgetWatch(this.budget, abort);
    const { port1, port2 } = new MessageChannel();
    port1.once('message', ({ threadId, cpu }: ParseStarted) => {
      const thread = pool.threads.find((candidate) => candidate.threadId === threadId);
      if (thread) watch.start(thread, cpu);
    });
    const copy = new Uint8Array(bytes); // a buffer of its own, moved to the thread rather than cloned
    try {
      const outcome = await pool.run({ bytes: copy, type, limits: this.limits, started: port2 }, { transferList: [copy.buffer, port2], signal: abort.signal });
      if ('rejection' in outcome) throw restoreRejection(outcome.rejection);
      return outcome.document;
    } catch (error) {
      throw watch.overrun ?? (isOutOfMemory(error) ? tooMuchMemory(this.budget.memoryMb) : error);
    } finally {
      watch.stop();
      port1.close();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.pool?.close();
  }

  // Started on first use: a process that never parses (a test, a worker that only purges) keeps no threads.
  private threads(): Piscina<ParseTask, ParseOutcome> {
    // A retryable failure: the job goes back to the queue for a worker that is not stopping.
    if (this.closed) throw new Error('The worker is shutting down; the document will be parsed again');
    if (this.pool) return this.pool;
    this.pool = new Piscina<ParseTask, ParseOutcome>({
      ...threadEntry(),
      minThreads: this.budget.threads,
      maxThreads: this.budget.threads,
      concurrentTasksPerWorker: 1,
      // pdf.js keeps timers and messages of its own between awaits; a thread must not block on
      // Atomics while it waits for the next document.
      atomics: 'async',
      resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb },
    });
    // A thread that fails outside any parse (at start-up, say) has no task to reject: piscina
    // reports it here, and an 'error' event without a listener would take the worker down.
    this.pool.on('error', (error: Error) => this.logger.error(`A parse thread failed: ${error.message}`));
    return this.pool;
  }
}

function isOutOfMemory(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/**
 * The compiled thread module beside this one; run from TypeScript sources (the tests), a thread
 * cannot use Jest's transform, so it compiles the sources it loads with swc as it loads them.
 */
function threadEntry(): { filename: string; execArgv?: string[] } {
  const compiled = path.join(__dirname, 'parse-thread.js');
  if (existsSync(compiled)) return { filename: compiled };
  return { filename: path.join(__dirname, 'parse-thread.ts'), execArgv: [...process.execArgv, '--require', require.resolve('@swc-node/register')] };
}
