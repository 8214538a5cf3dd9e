import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page } from '@app/kernel';
import { Actor, ApiErrors, CurrentActor, PageOf } from '@app/platform';
import { GetUsage } from '../queries/get-usage/get-usage.query';
import { ListFeedback } from '../queries/list-feedback/list-feedback.query';
import { ListFeedbackQuery, UsageQuery } from './insights.dto';
import { RatedAnswerView, UsageView } from './insights.views';

/** What those who run the assistant learn from it; who may read what is the queries' scope rule. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 429)
@Controller('admin')
export class InsightsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('feedback')
  @ApiOkResponse({ type: PageOf(RatedAnswerView), description: 'Rated answers, most recently rated first, each with only its question' })
  feedback(@CurrentActor() actor: Actor, @Query() query: ListFeedbackQuery): Promise<Page<RatedAnswerView>> {
    return this.queries.execute(new ListFeedback(actor, { rating: query.rating, from: query.from, to: query.to, limit: query.limit, cursor: query.cursor }));
  }

  @Get('usage')
  @ApiOkResponse({ type: UsageView, description: 'Chats, answers by ending and tokens per UTC day and department' })
  usage(@CurrentActor() actor: Actor, @Query() query: UsageQuery): Promise<UsageView> {
    return this.queries.execute(new GetUsage(actor, query.from, query.to, new Date()));
  }
}
