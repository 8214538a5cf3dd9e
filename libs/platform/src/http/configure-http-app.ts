import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { assignRequestId } from '../logging/request-id';
import { buildOpenApiDocument } from '../openapi/openapi-document';
import { parseBodies } from './body-parsing';
import { answerClientErrorsInShape, refuseRequestsWithoutHost } from './client-errors';
import { contentSecurityPolicy } from './content-security-policy';
import { stampArrival } from './request-arrival';
import { createValidationPipe } from './validation.pipe';
import { serveWebApp } from './web-app';

/** Node closes idle connections after 5 s; a client or balancer reusing one as it closes gets a reset. */
function keepIdleConnectionsOpen(server: Server, timeoutMs: number): void {
  server.keepAliveTimeout = timeoutMs;
  // The wait for a request's headers must outlast the idle wait, or Node may cut a request that
  // arrives on a long-idle connection before its headers are read.
  server.headersTimeout = Math.max(server.headersTimeout, timeoutMs + 1_000);
}

export const apiPrefix = 'api/v1';

/** Everything the HTTP app needs beyond its modules; main.ts and the e2e tests both call it. */
export function configureHttpApp(app: INestApplication): INestApplication {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(apiPrefix);
  // The client address rate limits see: X-Forwarded-For counts only from the proxies named here.
  (app as NestExpressApplication).set('trust proxy', config.get('TRUST_PROXY'));
  app.use(stampArrival);
  app.use(assignRequestId);
  app.use(refuseRequestsWithoutHost);
  answerClientErrorsInShape(app.getHttpServer());
  keepIdleConnectionsOpen(app.getHttpServer(), config.get('HTTP_KEEP_ALIVE_TIMEOUT_MS'));
  app.use(helmet({ contentSecurityPolicy }));
  // Only the auth routes read a cookie (the browser's refresh token).
  app.use(`/${apiPrefix}/auth`, cookieParser());
  serveWebApp(app, config.get('WEB_APP_DIR'), apiPrefix);
  app.enableCors({ origin: config.get('CORS_ORIGINS'), credentials: false, exposedHeaders: ['x-request-id', 'retry-after'] });
  parseBodies(app);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(`${apiPrefix}/docs`, app, document, { jsonDocumentUrl: `${apiPrefix}/docs-json` });
  return app;
}
