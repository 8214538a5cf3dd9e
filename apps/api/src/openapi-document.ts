import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { apiPrefix, buildOpenApiDocument } from '@app/platform';
import { ApiModule } from './api.module';

/**
 * The OpenAPI document the API serves at /docs-json, built without starting anything: a
 * preview app resolves the module graph but instantiates no provider, so no database, Redis or
 * Chroma is reached and no configuration is read.
 */
export async function openApiDocumentWithoutServices(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(ApiModule, { preview: true, logger: false, abortOnError: false });
  try {
    app.setGlobalPrefix(apiPrefix);
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
