import type { Worker } from 'node:worker_threads';
import { DocumentTooComplex } from '../domain/ingest-errors';
import type { ParseBudget } from './parse-budget';

// Often enough that a runaway parse is stopped soon after its budget, rare enough to cost nothing.
const CHECK_INTERVAL_MS = 100;

export class ParseStalled extends Error {
  constructor(ms: number) {
    super(`Parsing did not finish within ${ms} ms`);
  }
}

/**
 * Watches the thread running one parse, from the worker's side: a thread busy in a quadratic
 * regex cannot check its own clock, but its CPU time and heap can be read from outside. Over
 * budget, it aborts the parse, which terminates the thread. The V8 heap limit set on the thread
 * is the last resort for memory; buffers (a PDF's inflated streams) are outside that limit, so
 * they are counted here with the heap.
 */
export class ThreadBudgetWatch {
  private overrunError: Error | null = null;
  private timer?: NodeJS.Timeout;
  private checking = false;
  private stopped = false;

  constructor(
    private readonly budget: ParseBudget,
    private readonly abort: AbortController,
  ) {}

  /** Why the parse was stopped, if it was. */
  get overrun(): Error | null {
    return this.overrunError;
  }

  /** `baseline` is the thread's CPU time as the parse began, as the thread itself read it. */
  start(thread: Worker, baseline: NodeJS.CpuUsage): void {
    if (this.stopped) return;
    // Nothing is asked of the thread before the first check: most parses are over by then.
    const startedAt = performance.now();
    this.timer = setInterval(() => void this.check(thread, baseline, startedAt), CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  private async check(thread: Worker, baseline: NodeJS.CpuUsage, startedAt: number): Promise<void> {
    if (this.checking || this.stopped) return;
    this.checking = true;
    try {
      const [cpu, heap] = await Promise.all([thread.cpuUsage(baseline), thread.getHeapStatistics()]);
      if (this.stopped) return;
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const memoryMb = (heap.used_heap_size + heap.external_memory) / 1024 / 1024;
      if (cpuMs > this.budget.cpuMs) this.stopWith(new DocumentTooComplex(`reading it takes more than ${seconds(this.budget.cpuMs)} of processing time`));
      else if (memoryMb > this.budget.memoryMb) this.stopWith(tooMuchMemory(this.budget.memoryMb));
      else if (performance.now() - startedAt > this.budget.wallClockMs) this.stopWith(new ParseStalled(this.budget.wallClockMs));
    } catch {
      // The thread ended between two checks; the parse's own outcome says how.
    } finally {
      this.checking = false;
    }
  }

  private stopWith(error: Error): void {
    this.overrunError = error;
    this.stop();
    this.abort.abort(error);
  }
}

export function tooMuchMemory(memoryMb: number): DocumentTooComplex {
  return new DocumentTooComplex(`reading it needs more than ${memoryMb} MB of memory`);
}

function seconds(ms: number): string {
  const value = ms / 1000;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} s`;
}
