import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';

const requestIds = new AsyncLocalStorage<string>();

/** The id of the HTTP request being served (as in `x-request-id` and its log lines), or null outside one. */
export function currentRequestId(): string | null {
  return requestIds.getStore() ?? null;
}

/** Makes the request id that logging assigned readable by whatever serves the request (audit entries record it). */
@Injectable()
export class RequestIdContextMiddleware implements NestMiddleware {
  use(request: IncomingMessage & { id?: unknown }, response: ServerResponse, next: () => void) {
    const id = request.id ?? response.getHeader('x-request-id');
    if (typeof id === 'string' || typeof id === 'number') requestIds.run(String(id), next);
    else next();
  }
}
