import { SearchTableMaintenance } from '@app/retrieval';
import { LOAD_LANDED_AFTER_MS, SearchTableUpkeep, STATISTICS_EVERY_MS } from './search-table-upkeep';

class RecordingMaintenance extends SearchTableMaintenance {
  readonly runs: Array<{ vacuum: boolean }> = [];
  failWith: Error | null = null;
  async catchUp(options: { vacuum: boolean }) {
    this.runs.push(options);
    if (this.failWith) throw this.failWith;
    return { vacuumed: options.vacuum ? ['chunk_terms'] : [], analyzed: ['chunks'] };
  }
}

describe('SearchTableUpkeep', () => {
  let maintenance: RecordingMaintenance;
  let upkeep: SearchTableUpkeep;

  beforeEach(() => {
    jest.useFakeTimers();
    maintenance = new RecordingMaintenance();
    upkeep = new SearchTableUpkeep(maintenance);
  });
  afterEach(() => jest.useRealTimers());

  it('catches up in full once, shortly after a burst of jobs ends', async () => {
    for (let job = 0; job < 50; job++) upkeep.afterJob();
    await jest.advanceTimersByTimeAsync(LOAD_LANDED_AFTER_MS - 1);
    expect(maintenance.runs).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(maintenance.runs).toEqual([{ vacuum: true }]);
    await jest.advanceTimersByTimeAsync(STATISTICS_EVERY_MS);
    expect(maintenance.runs).toHaveLength(1);
  });

  it('only refreshes statistics while a long load goes on, and catches up in full when it lands', async () => {
    const jobEvery = LOAD_LANDED_AFTER_MS / 2;
    for (let elapsed = 0; elapsed < 2 * STATISTICS_EVERY_MS; elapsed += jobEvery) {
      upkeep.afterJob();
      await jest.advanceTimersByTimeAsync(jobEvery);
    }
    expect(maintenance.runs).toEqual([{ vacuum: false }, { vacuum: false }]);
    await jest.advanceTimersByTimeAsync(LOAD_LANDED_AFTER_MS);
    expect(maintenance.runs.at(-1)).toEqual({ vacuum: true });
    expect(maintenance.runs).toHaveLength(3);
  });

  it('keeps going after a failed catch-up', async () => {
    maintenance.failWith = new Error('database restarting');
    upkeep.afterJob();
    await jest.advanceTimersByTimeAsync(LOAD_LANDED_AFTER_MS);
    maintenance.failWith = null;
    upkeep.afterJob();
    await jest.advanceTimersByTimeAsync(LOAD_LANDED_AFTER_MS);
    expect(maintenance.runs).toHaveLength(2);
  });

  it('catches up a load that just landed when the worker stops, and schedules nothing after', async () => {
    upkeep.afterJob();
    await upkeep.flush();
    expect(maintenance.runs).toEqual([{ vacuum: true }]);
    await jest.advanceTimersByTimeAsync(STATISTICS_EVERY_MS);
    expect(maintenance.runs).toHaveLength(1);
  });

  it('has nothing to do when the worker stops between loads', async () => {
    await upkeep.flush();
    expect(maintenance.runs).toEqual([]);
  });
});
