import { type INestApplication, Logger, NotFoundException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import serveStatic from 'serve-static';
import { requestIdFor } from '../logging/request-id';

/** Vite names every file under assets/ by its content hash: a changed file gets a new name. */
const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** Everything else, index.html first, is revalidated on every load so a deploy shows at once. */
const REVALIDATE = 'no-cache';

/**
 * Serves the built web app (`index.html` and `assets/`) from `folder` at `/`, in front of the
 * API routes but never instead of them: a path under the API prefix always goes on to the API.
 * Any other GET or HEAD of an unknown path answers index.html, so the app's own routes load on a
 * reload or a shared link; anything else outside the API (another method, a missing hashed
 * asset, `/api/…` outside the prefix) is a 404 in the API's error shape, never Express's HTML.
 * Without an index.html in `folder` (an API-only process) only the 404s remain.
 */
export function serveWebApp(app: INestApplication, folder: string, apiPrefix: string): void {
  const root = path.resolve(folder);
  const index = path.join(root, 'index.html');
  const logger = new Logger('WebApp');
  const present = existsSync(index);
  logger.log(present ? `Serving the web app from ${root}` : `No web app in ${root}; serving the API only`);
  const assetsDir = path.join(root, 'assets') + path.sep;
  const files = serveStatic(root, {
    index: false,
    redirect: false,
    setHeaders: (response, file) => response.setHeader('Cache-Control', file.startsWith(assetsDir) ? HASHED_ASSET_CACHE : REVALIDATE),
  });
  const api = `/${apiPrefix}`;

  app.use((request: Request, response: Response, next: NextFunction) => {
    const urlPath = request.path;
    if (urlPath === api || urlPath.startsWith(`${api}/`)) return next();
    // The API's middleware (and its request ids) only runs under the prefix.
    (request as Request & { id?: string }).id ??= requestIdFor(request, response);
    const notFound = () => next(new NotFoundException(`Cannot ${request.method} ${urlPath}`));
    const reading = request.method === 'GET' || request.method === 'HEAD';
    if (!present || !reading || urlPath === '/api' || urlPath.startsWith('/api/')) return notFound();
    files(request, response, () => {
      if (urlPath.startsWith('/assets/')) return notFound();
      response.sendFile(index, { cacheControl: false, headers: { 'Cache-Control': REVALIDATE } }, (error) => error && next(error));
    });
  });
}
