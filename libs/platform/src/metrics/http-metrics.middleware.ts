import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics';

/** Times every request, labelled by the matched route pattern rather than the raw URL. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(request: Request, response: Response, next: NextFunction) {
    const stop = this.metrics.httpDuration.startTimer({ method: request.method });
    response.once('finish', () => {
      const route = (request.route?.path as string | undefined) ?? 'unmatched';
      stop({ route: `${request.baseUrl ?? ''}${route}`, status: String(response.statusCode) });
    });
    next();
  }
}
