import { RecordingChunkSearch } from '@app/testing/retrieval';
import { SearchWarmUp, WARM_UP_TIMEOUT_MS } from './search-warm-up';

describe('SearchWarmUp', () => {
  afterEach(() => jest.useRealTimers());

  it('runs one search through the whole path before the app takes traffic', async () => {
    const search = new RecordingChunkSearch(() => Promise.resolve([]));
    await new SearchWarmUp(search).onApplicationBootstrap();
    expect(search.requests).toHaveLength(1);
    expect(search.requests[0]).toMatchObject({ query: expect.any(String), limit: 1 });
    expect(search.requests[0].signal).toBeInstanceOf(AbortSignal);
  });

  it('lets the app start when the search fails', async () => {
    const search = new RecordingChunkSearch(() => Promise.reject(new Error('chroma is down')));
    await expect(new SearchWarmUp(search).onApplicationBootstrap()).resolves.toBeUndefined();
  });

  it('gives up on a search that hangs, and aborts it', async () => {
    jest.useFakeTimers();
    const search = new RecordingChunkSearch(() => new Promise<never>(() => undefined));
    const started = new SearchWarmUp(search).onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(WARM_UP_TIMEOUT_MS);
    await expect(started).resolves.toBeUndefined();
    expect(search.requests[0].signal?.aborted).toBe(true);
  });
});
