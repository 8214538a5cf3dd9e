import type { NextFunction, Request, Response } from 'express';

const ARRIVED_AT = Symbol('arrivedAt');

type Stamped = Request & { [ARRIVED_AT]?: number };

/** The first middleware: notes when a request reached the process, on the `performance.now()` clock. */
export function stampArrival(req: Request, _res: Response, next: NextFunction): void {
  (req as Stamped)[ARRIVED_AT] = performance.now();
  next();
}

/** When the request reached the process, for latency measured from there; now if it was not stamped. */
export function arrivalOf(req: Request): number {
  return (req as Stamped)[ARRIVED_AT] ?? performance.now();
}
