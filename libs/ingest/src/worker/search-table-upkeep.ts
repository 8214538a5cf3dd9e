import { Injectable, Logger } from '@nestjs/common';
import { withDeadline } from '@app/kernel';
import { SearchTableMaintenance } from '@app/retrieval';

// A load has landed once no job has finished for this long.
export const LOAD_LANDED_AFTER_MS = 2_000;
// While a load goes on, its statistics are refreshed this often.
export const STATISTICS_EVERY_MS = 30_000;
// What a worker that is shutting down gives the catch-up of a load that just landed.
const SHUTDOWN_UPKEEP_MS = 10_000;

/**
 * Catches the search tables up on the statistics and vacuuming a load of files made due as soon
 * as the load lands, so it is searched at full speed at once instead of after autovacuum's next
 * round. During a long load only the statistics are refreshed: a vacuum pass would cost the load
 * far more, and can wait for its end.
 */
@Injectable()
export class SearchTableUpkeep {
  private readonly logger = new Logger(SearchTableUpkeep.name);
  private landing?: NodeJS.Timeout;
  private statistics?: NodeJS.Timeout;

  constructor(private readonly maintenance: SearchTableMaintenance) {}

  afterJob(): void {
    clearTimeout(this.landing);
    this.landing = setTimeout(() => void this.loadLanded(), LOAD_LANDED_AFTER_MS).unref();
    this.statistics ??= setTimeout(() => {
      this.statistics = undefined;
      void this.catchUp({ vacuum: false });
    }, STATISTICS_EVERY_MS).unref();
  }

  /** Catches up now on a load that has landed but not yet been caught up on; for a worker that is stopping. */
  async flush() {
    if (!this.landing) return;
    await withDeadline(
      SHUTDOWN_UPKEEP_MS,
      () => new Error('search table upkeep took too long'),
      () => this.loadLanded(),
    ).catch(() => undefined);
  }

  private loadLanded() {
    clearTimeout(this.landing);
    clearTimeout(this.statistics);
    this.landing = this.statistics = undefined;
    return this.catchUp({ vacuum: true });
  }

  private async catchUp(options: { vacuum: boolean }) {
    try {
      const { vacuumed, analyzed } = await this.maintenance.catchUp(options);
      if (vacuumed.length + analyzed.length > 0) this.logger.log(`Search tables caught up: vacuumed [${vacuumed.join(', ')}], analyzed [${analyzed.join(', ')}]`);
    } catch (error) {
      this.logger.warn(`Search table upkeep failed: ${(error as Error).message}`);
    }
  }
}
