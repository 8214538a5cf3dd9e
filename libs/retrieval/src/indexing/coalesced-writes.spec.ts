import { CoalescedWrites } from './coalesced-writes';

describe('CoalescedWrites', () => {
  const recordingStore = (fail?: (records: number[]) => boolean) => {
    const requests: number[][] = [];
    const write = async (records: number[]) => {
      requests.push(records);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (fail?.(records)) throw new Error('store refused the batch');
    };
    return { requests, write };
  };

  it('writes the records of callers arriving within the window in one request', async () => {
    const store = recordingStore();
    const writes = new CoalescedWrites(store.write, { windowMs: 2, maxRecords: 100 });
    await Promise.all([writes.add([1, 2]), writes.add([3]), writes.add([4, 5])]);
    expect(store.requests).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('gathers callers arriving while a request is in flight into the next one', async () => {
    const store = recordingStore();
    const writes = new CoalescedWrites(store.write, { windowMs: 1, maxRecords: 100 });
    const first = writes.add([1]);
    await new Promise((resolve) => setTimeout(resolve, 3)); // the first request is now in flight
    await Promise.all([first, writes.add([2]), writes.add([3])]);
    expect(store.requests).toEqual([[1], [2, 3]]);
  });

  it('keeps each request within maxRecords without splitting a caller', async () => {
    const store = recordingStore();
    const writes = new CoalescedWrites(store.write, { windowMs: 1, maxRecords: 3 });
    await Promise.all([writes.add([1, 2]), writes.add([3, 4]), writes.add([5]), writes.add([6, 7, 8, 9])]);
    expect(store.requests).toEqual([
      [1, 2],
      [3, 4, 5],
      [6, 7, 8, 9],
    ]);
  });

  it('rejects every caller of a failed request and only them', async () => {
    const store = recordingStore((records) => records.includes(1));
    const writes = new CoalescedWrites(store.write, { windowMs: 1, maxRecords: 2 });
    const results = await Promise.allSettled([writes.add([1]), writes.add([2]), writes.add([3])]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(store.requests).toEqual([[1, 2], [3]]);
  });

  it('keeps writing after a failed request', async () => {
    const store = recordingStore((records) => records.includes(1));
    const writes = new CoalescedWrites(store.write, { windowMs: 1, maxRecords: 10 });
    await expect(writes.add([1])).rejects.toThrow('store refused the batch');
    await expect(writes.add([2])).resolves.toBeUndefined();
  });

  it('settles an empty write at once without a request', async () => {
    const store = recordingStore();
    await new CoalescedWrites(store.write, { windowMs: 1, maxRecords: 10 }).add([]);
    expect(store.requests).toEqual([]);
  });
});
