import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const acceptable = /^[\w.:-]{1,128}$/;

/** Echoes a sane `x-request-id` or makes one, and puts it on the response. */
export function requestIdFor(request: IncomingMessage & { id?: unknown }, response: ServerResponse): string {
  if (typeof request.id === 'string') return request.id;
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && acceptable.test(given) ? given : randomUUID();
  response.setHeader('x-request-id', id);
  return id;
}

/**
 * The first middleware: the id is on the request and the response before the body is parsed, so
 * an error raised that early (bad JSON, a body over the limit) carries it too. pino-http, which
 * runs later as a Nest middleware, keeps the id it finds.
 */
export function assignRequestId(request: IncomingMessage & { id?: unknown }, response: ServerResponse, next: () => void): void {
  request.id = requestIdFor(request, response);
  next();
}
