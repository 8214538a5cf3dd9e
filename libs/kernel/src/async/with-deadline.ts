/**
 * Runs `work` with a signal that aborts after `ms`. At the deadline the signal aborts with the
 * error `timedOut` builds and the call rejects with it at once, whether or not `work` honours
 * the signal.
 */
export async function withDeadline<T>(ms: number, timedOut: () => Error, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = timedOut();
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
