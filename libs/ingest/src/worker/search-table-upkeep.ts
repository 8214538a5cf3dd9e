import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { SearchTableMaintenance } from '@app/retrieval';

// Upkeep runs once jobs have stopped finishing for this long…
export const UPKEEP_QUIET_MS = 2_000;
// …or this long after the first job it waits for, while a long load keeps jobs finishing.
export const UPKEEP_MAX_WAIT_MS = 30_000;

/**
 * Catches the search tables up on the vacuuming and statistics a load of files made due, as soon
 * as the load lands, so it is searched at full speed at once and not only after autovacuum's next
 * round; a long load gets the same every half a minute. Runs between loads, not after each job,
 * so a load pays for it about once.
 */
@Injectable()
export class SearchTableUpkeep implements OnApplicationShutdown {
  private readonly logger = new Logger(SearchTableUpkeep.name);
  private timer?: NodeJS.Timeout;
  private waitingSince?: number;

  constructor(private readonly maintenance: SearchTableMaintenance) {}

  afterJob(): void {
    this.waitingSince ??= Date.now();
    clearTimeout(this.timer);
    const delay = Math.min(UPKEEP_QUIET_MS, this.waitingSince + UPKEEP_MAX_WAIT_MS - Date.now());
    this.timer = setTimeout(() => void this.catchUp(), Math.max(0, delay)).unref();
  }

  onApplicationShutdown() {
    clearTimeout(this.timer);
  }

  private async catchUp() {
    this.waitingSince = undefined;
    try {
      const { vacuumed, analyzed } = await this.maintenance.catchUp();
      if (vacuumed.length + analyzed.length > 0) this.logger.log(`Search tables caught up: vacuumed [${vacuumed.join(', ')}], analyzed [${analyzed.join(', ')}]`);
    } catch (error) {
      this.logger.warn(`Search table upkeep failed: ${(error as Error).message}`);
    }
  }
}
