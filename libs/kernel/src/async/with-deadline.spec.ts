import { withDeadline } from './with-deadline';

class TookTooLong extends Error {}

describe('withDeadline', () => {
  afterEach(() => jest.useRealTimers());

  it('answers what the work answers in time', async () => {
    await expect(
      withDeadline(
        1000,
        () => new TookTooLong(),
        async () => 42,
      ),
    ).resolves.toBe(42);
  });

  it('rejects with the work’s own failure in time', async () => {
    await expect(
      withDeadline(
        1000,
        () => new TookTooLong(),
        () => Promise.reject(new Error('broke')),
      ),
    ).rejects.toThrow('broke');
  });

  it('at the deadline aborts the signal and rejects, even for work that ignores the signal', async () => {
    jest.useFakeTimers();
    let seen: AbortSignal | undefined;
    const outcome = withDeadline(
      500,
      () => new TookTooLong(),
      (signal) => {
        seen = signal;
        return new Promise<never>(() => undefined);
      },
    );
    const settled = expect(outcome).rejects.toBeInstanceOf(TookTooLong);
    await jest.advanceTimersByTimeAsync(500);
    await settled;
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBeInstanceOf(TookTooLong);
  });
});
