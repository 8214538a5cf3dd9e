import type { IngestStage } from '../../ingest.ports';
import { ProgressHeartbeat } from './progress-heartbeat';

describe('ProgressHeartbeat', () => {
  const writes: string[] = [];
  const write = async (stage: IngestStage, progress: number) => {
    writes.push(`${stage}:${progress}`);
  };

  beforeEach(() => {
    writes.length = 0;
    jest.useFakeTimers();
  });
  afterEach(() => jest.useRealTimers());

  it('writes nothing for steps taken within the first interval', async () => {
    const heartbeat = new ProgressHeartbeat(write, 1000);
    await heartbeat.report('parsing', 0);
    await heartbeat.report('chunking', 0.15);
    await heartbeat.stop();
    jest.advanceTimersByTime(5000);
    expect(writes).toEqual([]);
  });

  it('writes the latest step once an interval has passed, and again on every tick while a step lasts', async () => {
    const heartbeat = new ProgressHeartbeat(write, 1000);
    await heartbeat.report('parsing', 0);
    await heartbeat.report('embedding', 0.2);
    await jest.advanceTimersByTimeAsync(1000);
    expect(writes).toEqual(['embedding:0.2']);
    await jest.advanceTimersByTimeAsync(2000);
    expect(writes).toEqual(['embedding:0.2', 'embedding:0.2', 'embedding:0.2']);
    await heartbeat.stop();
  });

  it('writes at once when the last write is an interval old', async () => {
    const heartbeat = new ProgressHeartbeat(write, 1000);
    jest.advanceTimersByTime(999);
    await heartbeat.report('indexing', 0.9);
    expect(writes).toEqual([]);
    jest.setSystemTime(Date.now() + 1); // past the interval, before the tick fires
    await heartbeat.report('indexing', 0.95);
    expect(writes.at(-1)).toBe('indexing:0.95');
    await heartbeat.stop();
  });

  it('fails the run at its next step when a write failed', async () => {
    const heartbeat = new ProgressHeartbeat(async () => {
      throw new Error('registry down');
    }, 1000);
    await heartbeat.report('parsing', 0);
    await jest.advanceTimersByTimeAsync(1000);
    await expect(heartbeat.report('chunking', 0.15)).rejects.toThrow('registry down');
    await expect(heartbeat.stop()).rejects.toThrow('registry down');
  });
});
