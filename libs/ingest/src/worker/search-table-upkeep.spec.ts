import { SearchTableMaintenance } from '@app/retrieval';
import { SearchTableUpkeep, UPKEEP_MAX_WAIT_MS, UPKEEP_QUIET_MS } from './search-table-upkeep';

class CountingMaintenance extends SearchTableMaintenance {
  runs = 0;
  failWith: Error | null = null;
  async catchUp() {
    this.runs++;
    if (this.failWith) throw this.failWith;
    return { vacuumed: ['chunk_terms'], analyzed: [] };
  }
}

describe('SearchTableUpkeep', () => {
  let maintenance: CountingMaintenance;
  let upkeep: SearchTableUpkeep;

  beforeEach(() => {
    jest.useFakeTimers();
    maintenance = new CountingMaintenance();
    upkeep = new SearchTableUpkeep(maintenance);
  });
  afterEach(() => {
    upkeep.onApplicationShutdown();
    jest.useRealTimers();
  });

  it('catches up once, shortly after a burst of jobs ends', async () => {
    for (let job = 0; job < 50; job++) upkeep.afterJob();
    await jest.advanceTimersByTimeAsync(UPKEEP_QUIET_MS - 1);
    expect(maintenance.runs).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(maintenance.runs).toBe(1);
  });

  it('waits while jobs keep finishing, but no longer than the longest wait', async () => {
    const jobEvery = UPKEEP_QUIET_MS / 2;
    for (let elapsed = 0; elapsed < UPKEEP_MAX_WAIT_MS - jobEvery; elapsed += jobEvery) {
      upkeep.afterJob();
      await jest.advanceTimersByTimeAsync(jobEvery);
    }
    expect(maintenance.runs).toBe(0);
    upkeep.afterJob();
    await jest.advanceTimersByTimeAsync(jobEvery);
    expect(maintenance.runs).toBe(1);
  });

  it('keeps going after a failed catch-up', async () => {
    maintenance.failWith = new Error('database restarting');
    upkeep.afterJob();
    await jest.advanceTimersByTimeAsync(UPKEEP_QUIET_MS);
    maintenance.failWith = null;
    upkeep.afterJob();
    await jest.advanceTimersByTimeAsync(UPKEEP_QUIET_MS);
    expect(maintenance.runs).toBe(2);
  });

  it('does nothing more once the process shuts down', async () => {
    upkeep.afterJob();
    upkeep.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(UPKEEP_MAX_WAIT_MS);
    expect(maintenance.runs).toBe(0);
  });
});
