import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { APP_FILTER } from '@nestjs/core';
import { DatabaseModule } from './database/database.module';
import { DependencyChecks } from './health/dependency-checks';
import { HealthController } from './health/health.controller';
import { ProcessDraining } from './health/process-draining';
import { ErrorFilter } from './http/error.filter';
import { LoggingModule } from './logging/logging.module';
import { RequestIdContextMiddleware } from './logging/request-context';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { Metrics } from './metrics/metrics';
import { MetricsController } from './metrics/metrics.controller';
import { RedisModule } from './redis/redis.module';
import { ThrottlingModule } from './throttling/throttling.module';

/** What every process shares (beside the configuration its root module reads): logging, PostgreSQL, Redis and the command/query buses. */
@Module({
  imports: [LoggingModule, DatabaseModule, RedisModule, CqrsModule.forRoot()],
  providers: [Metrics, ProcessDraining],
  exports: [Metrics, ProcessDraining],
})
export class PlatformModule {}

/** The HTTP edge on top of the platform: errors, rate limits, health and metrics. */
@Module({
  // terminus logs nothing itself: a failing probe polled every few seconds would flood the log,
  // and each connection already reports its outage once.
  imports: [PlatformModule, ThrottlingModule, TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, MetricsController],
  providers: [DependencyChecks, { provide: APP_FILTER, useClass: ErrorFilter }],
})
export class HttpPlatformModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(RequestIdContextMiddleware, HttpMetricsMiddleware).forRoutes('{*path}');
  }
}
