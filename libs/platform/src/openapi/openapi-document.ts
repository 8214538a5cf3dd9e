import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorResponse } from './error-response';

/**
 * The OpenAPI document of the app's routes. It reads only the controllers' metadata, so it is
 * the same whether built from the running app or from one created with `preview: true`
 * (no provider started, no service reached), as the client-type generator does.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Knowledge assistant API')
      .setDescription('REST and SSE contract of the knowledge assistant (see API.md and docs/api-notes.md).')
      .setVersion('1')
      .addBearerAuth()
      // Whatever a route does, a failure inside answers 500 in the same shape.
      .addGlobalResponse({ status: 500, description: 'Something failed on our side. `code`: `internal_error`', type: ErrorResponse })
      .build(),
  );
}
