import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig, configureHttpApp } from '@app/platform';
import { ApiModule } from './api.module';

async function bootstrap() {
  const app = configureHttpApp(await NestFactory.create(ApiModule.forRoot(), { bufferLogs: true }));
  const config = app.get(AppConfig);
  await app.listen(config.get('PORT'), config.get('HOST'));
}

void bootstrap();
