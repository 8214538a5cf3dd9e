import { untilAborted } from './until-aborted';

describe('untilAborted', () => {
  it('answers what the work answers while the signal stays quiet', async () => {
    await expect(untilAborted(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
  });

  it('rejects with the work’s own failure', async () => {
    await expect(untilAborted(Promise.reject(new Error('broke')), new AbortController().signal)).rejects.toThrow('broke');
  });

  it('stops waiting as soon as the signal aborts, with its reason', async () => {
    const controller = new AbortController();
    const waiting = untilAborted(new Promise<never>(() => undefined), controller.signal);
    controller.abort(new Error('client left'));
    await expect(waiting).rejects.toThrow('client left');
  });

  it('rejects at once for a signal that has already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(untilAborted(Promise.resolve(1), controller.signal)).rejects.toThrow('too late');
  });
});
