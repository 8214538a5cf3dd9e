import { setTimeout as sleep } from 'node:timers/promises';

export interface PollOptions {
  timeoutMs?: number;
  /** Pause between tries: short for a stream's next event, longer for a worker's next step. */
  intervalMs?: number;
  /** Added to a timeout's error (a worker's log tail), so a failure says what the process was doing. */
  context?: () => string;
}

type Found<T> = Exclude<T, false | null | undefined | 0 | ''>;

/** Retries an assertion until it passes; past the deadline its last failure is thrown as it is. */
export async function eventually(check: () => void | Promise<void>, { timeoutMs = 10_000, intervalMs = 100 }: PollOptions = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(intervalMs);
    }
  }
}

/** Polls until `check` gives a truthy value and returns it; past the deadline throws, naming `what`. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, { timeoutMs = 10_000, intervalMs = 50, context }: PollOptions = {}): Promise<Found<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found) return found as Found<T>;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms${context ? `\n${context()}` : ''}`);
    await sleep(intervalMs);
  }
}
