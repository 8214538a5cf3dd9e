import { SearchStatistics } from '@app/retrieval';
import { SearchStatisticsUpkeep, UPKEEP_DELAY_MS } from './search-statistics-upkeep';

class CountingStatistics extends SearchStatistics {
  refreshes = 0;
  failWith: Error | null = null;
  async refreshIfStale() {
    this.refreshes++;
    if (this.failWith) throw this.failWith;
    return ['chunks'];
  }
}

describe('SearchStatisticsUpkeep', () => {
  let statistics: CountingStatistics;
  let upkeep: SearchStatisticsUpkeep;

  beforeEach(() => {
    jest.useFakeTimers();
    statistics = new CountingStatistics();
    upkeep = new SearchStatisticsUpkeep(statistics);
  });
  afterEach(() => {
    upkeep.onApplicationShutdown();
    jest.useRealTimers();
  });

  it('checks the statistics once, shortly after a burst of jobs', async () => {
    for (let job = 0; job < 50; job++) upkeep.afterJob();
    await jest.advanceTimersByTimeAsync(UPKEEP_DELAY_MS - 1);
    expect(statistics.refreshes).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(statistics.refreshes).toBe(1);
  });

  it('checks again for jobs that finish after a check', async () => {
    upkeep.afterJob();
    await jest.advanceTimersByTimeAsync(UPKEEP_DELAY_MS);
    upkeep.afterJob();
    await jest.advanceTimersByTimeAsync(UPKEEP_DELAY_MS);
    expect(statistics.refreshes).toBe(2);
  });

  it('keeps going after a failed check', async () => {
    statistics.failWith = new Error('database restarting');
    upkeep.afterJob();
    await jest.advanceTimersByTimeAsync(UPKEEP_DELAY_MS);
    statistics.failWith = null;
    upkeep.afterJob();
    await jest.advanceTimersByTimeAsync(UPKEEP_DELAY_MS);
    expect(statistics.refreshes).toBe(2);
  });

  it('checks nothing once the process shuts down', async () => {
    upkeep.afterJob();
    upkeep.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(UPKEEP_DELAY_MS);
    expect(statistics.refreshes).toBe(0);
  });
});
