import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { BodyTooDeep } from './platform-errors';

/** Deeper than any request of the contract nests (a chat's filters are three levels). */
export const MAX_BODY_DEPTH = 32;

/**
 * Nest's own JSON and form parsers (registered here, so Nest does not add them again at init),
 * followed by a depth check: class-transformer walks a body recursively, and a few thousand
 * levels of `[[[…]]]` overflow its stack, so a deep body is refused before any pipe sees it.
 */
export function parseBodies(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json');
  express.useBodyParser('urlencoded', { extended: true });
  express.use(refuseDeepBodies);
}

function refuseDeepBodies(request: Request, _response: Response, next: NextFunction): void {
  next(nestsDeeperThan(request.body, MAX_BODY_DEPTH) ? new BodyTooDeep(MAX_BODY_DEPTH) : undefined);
}

/** Walked with a stack of its own, since recursion is what a deep body breaks. */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= maxDepth) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}
