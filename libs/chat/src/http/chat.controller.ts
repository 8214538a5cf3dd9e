import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Actor, arrivalOf, CurrentActor, UuidParam } from '@app/platform';
import { GiveFeedback } from '../commands/give-feedback/give-feedback.command';
import { SendMessage } from '../commands/send-message/send-message.command';
import { StopGeneration } from '../commands/stop-generation/stop-generation.command';
import { ChatRefused } from '../domain/chat-errors';
import { ChatRequest, FeedbackRequest } from './chat.dto';
import { SseChatStream } from './sse-chat-stream';

@ApiTags('chat')
@ApiBearerAuth()
@Controller('chat')
export class ChatController {
  constructor(private readonly commands: CommandBus) {}

  // Limited per user by its stream slot (rate and concurrent streams, one Redis call), so the
  // per-IP limit would be a second Redis round trip in front of every answer's search.
  @Post()
  @SkipThrottle()
  @HttpCode(200)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'SSE: meta, status…, token…, citations, done | error (see API.md)' })
  async chat(@CurrentActor() actor: Actor, @Body() body: ChatRequest, @Req() req: Request & { id?: string }, @Res() res: Response) {
    let turn;
    try {
      turn = await this.commands.execute(new SendMessage(actor, body.conversationId ?? null, body.message, body.filters ?? {}, arrivalOf(req)));
    } catch (error) {
      if (error instanceof ChatRefused) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error; // still before the stream: the error filter answers JSON
    }
    const stream = await SseChatStream.open(req, res, String(req.id ?? ''));
    stream.meta(turn.ids);
    await turn.run(stream, stream.clientGone);
    stream.end(res);
  }

  @Post(':assistantMessageId/stop')
  @HttpCode(202)
  async stop(@CurrentActor() actor: Actor, @UuidParam('assistantMessageId') assistantMessageId: string) {
    await this.commands.execute(new StopGeneration(actor, assistantMessageId));
    return { assistantMessageId, stopping: true };
  }

  @Post(':assistantMessageId/feedback')
  @HttpCode(201)
  async feedback(@CurrentActor() actor: Actor, @UuidParam('assistantMessageId') assistantMessageId: string, @Body() body: FeedbackRequest) {
    const feedback = await this.commands.execute(new GiveFeedback(actor, assistantMessageId, body.rating, body.comment ?? null));
    return { assistantMessageId: feedback.messageId, rating: feedback.rating, comment: feedback.comment, updatedAt: feedback.at };
  }
}
