import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { SearchStatistics } from '@app/retrieval';

// How soon after a job the statistics are checked; jobs finishing meanwhile share the check.
export const UPKEEP_DELAY_MS = 5_000;

/**
 * Refreshes the search's planner statistics a few seconds after jobs change the index, so a bulk
 * load is searchable at full speed as soon as it lands. Autovacuum would do the same, but only
 * on its next round, a minute or more later; until then the planner judged the new rows by a
 * table it thought empty, and each search took seconds.
 */
@Injectable()
export class SearchStatisticsUpkeep implements OnApplicationShutdown {
  private readonly logger = new Logger(SearchStatisticsUpkeep.name);
  private pending?: NodeJS.Timeout;

  constructor(private readonly statistics: SearchStatistics) {}

  afterJob(): void {
    this.pending ??= setTimeout(() => {
      this.pending = undefined;
      void this.refresh();
    }, UPKEEP_DELAY_MS).unref();
  }

  onApplicationShutdown() {
    clearTimeout(this.pending);
  }

  private async refresh() {
    try {
      const analyzed = await this.statistics.refreshIfStale();
      if (analyzed.length > 0) this.logger.log(`Refreshed planner statistics of ${analyzed.join(', ')}`);
    } catch (error) {
      this.logger.warn(`Refreshing planner statistics failed: ${(error as Error).message}`);
    }
  }
}
