import { Module } from '@nestjs/common';
import { InsightsController } from './http/insights.controller';
import { FeedbackReadModel, UsageReadModel } from './insights.ports';
import { SqlFeedbackReadModel } from './persistence/sql-feedback-read-model';
import { SqlUsageReadModel } from './persistence/sql-usage-read-model';
import { GetUsageHandler } from './queries/get-usage/get-usage.handler';
import { ListFeedbackHandler } from './queries/list-feedback/list-feedback.handler';

/** The admin reports over feedback and usage: read models over other modules' tables, no writes. */
@Module({
  controllers: [InsightsController],
  providers: [{ provide: FeedbackReadModel, useClass: SqlFeedbackReadModel }, { provide: UsageReadModel, useClass: SqlUsageReadModel }, ListFeedbackHandler, GetUsageHandler],
})
export class InsightsModule {}
