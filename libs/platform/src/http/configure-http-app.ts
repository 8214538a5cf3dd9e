import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { assignRequestId } from '../logging/request-id';
import { parseBodies } from './body-parsing';
import { answerClientErrorsInShape } from './client-errors';
import { stampArrival } from './request-arrival';
import { createValidationPipe } from './validation.pipe';

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
  answerClientErrorsInShape(app.getHttpServer());
  app.use(helmet());
  app.enableCors({ origin: config.get('CORS_ORIGINS'), credentials: false, exposedHeaders: ['x-request-id', 'retry-after'] });
  parseBodies(app);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Knowledge assistant API')
      .setDescription('REST and SSE contract of the knowledge assistant (see API.md).')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(`${apiPrefix}/docs`, app, document, { jsonDocumentUrl: `${apiPrefix}/docs-json` });
  return app;
}
