import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { apiPrefix, AppConfig, buildOpenApiDocument } from '@app/platform';
import { ApiModule } from './api.module';

/** AppConfig's place in the module graph, for a preview app that resolves it and never builds it. */
@Global()
@Module({
  providers: [
    {
      provide: AppConfig,
      useFactory: () => {
        throw new Error('A preview app builds no provider');
      },
    },
  ],
  exports: [AppConfig],
})
class UnreadConfigModule {}

/**
 * The OpenAPI document the API serves at /docs-json, built without starting anything: a
 * preview app resolves the module graph but instantiates no provider, so no database, Redis or
 * Chroma is reached and no configuration is read.
 */
export async function openApiDocumentWithoutServices(): Promise<OpenAPIObject> {
  const app = await NestFactory.create({ module: ApiModule, imports: [UnreadConfigModule] }, { preview: true, logger: false, abortOnError: false });
  try {
    app.setGlobalPrefix(apiPrefix);
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
