import type { Request, Response } from 'express';
import { createSession } from 'better-sse';
import type { FileWatch } from '../queries/watch-file/watch-file.query';

const HEARTBEAT_MS = 15_000;

/**
 * Writes a file's events as SSE: `status` with the current state first, then `status` when
 * the status changes and `progress` otherwise, until the file is ready or failed. A comment
 * line every 15 s keeps proxies from closing an idle stream.
 */
export async function streamFileEvents(watch: FileWatch, request: Request, response: Response): Promise<void> {
  const session = await createSession(request, response, {
    keepAlive: HEARTBEAT_MS,
    retry: null,
    headers: { 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' },
  });
  session.once('disconnected', () => void watch.stop());
  let status = watch.current.status;
  session.push(watch.current, 'status');
  if (isFinal(status)) return finish(watch, response);
  for await (const view of watch.updates) {
    session.push(view, view.status === status ? 'progress' : 'status');
    status = view.status;
    if (isFinal(status)) break;
  }
  await finish(watch, response);
}

const isFinal = (status: string) => status === 'ready' || status === 'failed';

async function finish(watch: FileWatch, response: Response) {
  await watch.stop();
  response.end();
}
