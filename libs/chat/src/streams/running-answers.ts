import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { ProcessDraining } from '@app/platform';
import { ChatSettings } from '../chat.settings';
import { ServerShuttingDown } from '../domain/chat-errors';

// Once told to end, an answer writes its row and releases its slot; this bounds the wait for that.
const WIND_DOWN_MS = 5_000;

export interface RunningAnswer {
  /** Aborts when the process shuts down before the answer ends. */
  readonly shutdown: AbortSignal;
  /** Called once, when the answer has ended and its row is written. */
  finished(): void;
}

/**
 * The answers this process is streaming. On shutdown no new answer starts (503: the client asks
 * again and another process answers), the running ones get CHAT_SHUTDOWN_GRACE_MS to finish, and
 * the rest are ended as `interrupted` with an `error` event, before the database and Redis close.
 * Without this a stream held the process open until it was killed, and left its row `streaming`.
 */
@Injectable()
export class RunningAnswers implements BeforeApplicationShutdown {
  private readonly logger = new Logger(RunningAnswers.name);
  private readonly running = new Set<AbortController>();
  private readonly graceMs: number;
  private onIdle: (() => void) | null = null;

  constructor(
    settings: ChatSettings,
    private readonly draining: ProcessDraining,
  ) {
    this.graceMs = settings.shutdownGraceMs;
  }

  start(): RunningAnswer {
    if (this.draining.active) throw new ServerShuttingDown();
    const controller = new AbortController();
    this.running.add(controller);
    let ended = false;
    return {
      shutdown: controller.signal,
      finished: () => {
        if (ended) return;
        ended = true;
        this.running.delete(controller);
        if (this.running.size === 0) this.onIdle?.();
      },
    };
  }

  async beforeApplicationShutdown() {
    this.draining.begin();
    if (!(await this.idleWithin(this.graceMs))) {
      this.logger.warn(`ending ${this.running.size} answer(s) still streaming after ${this.graceMs} ms`);
      for (const controller of this.running) controller.abort(new ServerShuttingDown());
      await this.idleWithin(WIND_DOWN_MS);
    }
  }

  private async idleWithin(ms: number): Promise<boolean> {
    if (this.running.size === 0) return true;
    const idle = new Promise<true>((resolve) => (this.onIdle = () => resolve(true)));
    const stopWaiting = new AbortController();
    const outcome = await Promise.race([idle, sleep(ms, false, { signal: stopWaiting.signal })]);
    stopWaiting.abort();
    return outcome;
  }
}
