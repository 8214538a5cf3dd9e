import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Actor, ApiErrors, ApiEventStream, arrivalOf, CurrentActor, UuidParam } from '@app/platform';
import { GiveFeedback } from '../commands/give-feedback/give-feedback.command';
import { SendMessage, type Fork } from '../commands/send-message/send-message.command';
import { StopGeneration } from '../commands/stop-generation/stop-generation.command';
import { ChatRefused } from '../domain/chat-errors';
import { ChatRequest, EditRequest, FeedbackRequest, RegenerateRequest } from './chat.dto';
import { ChatCitationsEvent, ChatDoneEvent, ChatErrorEvent, ChatMetaEvent, ChatStatusEvent, ChatTokenEvent, FeedbackView, StopView } from './chat.views';
import { SseChatStream } from './sse-chat-stream';

const chatEvents = {
  meta: ChatMetaEvent,
  status: ChatStatusEvent,
  token: ChatTokenEvent,
  citations: ChatCitationsEvent,
  done: ChatDoneEvent,
  error: ChatErrorEvent,
};

@ApiTags('chat')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('chat')
export class ChatController {
  constructor(private readonly commands: CommandBus) {}

  // Limited per user by its stream slot (rate and concurrent streams, one Redis call), so the
  // per-IP limit would be a second Redis round trip in front of every answer's search.
  @Post()
  @SkipThrottle()
  @HttpCode(200)
  @ApiEventStream('SSE, in this order: meta, status…, token…, citations, then done or error; `: ping` comments while idle', chatEvents)
  @ApiErrors(400, [404, 'conversation_not_found', 'attachment_not_found'], [429, 'rate_limited', 'too_many_streams'], [503, 'server_shutting_down'])
  async chat(@CurrentActor() actor: Actor, @Body() body: ChatRequest, @Req() req: Request & { id?: string }, @Res() res: Response) {
    await this.stream(new SendMessage(actor, body.conversationId ?? null, body.message, body.filters ?? {}, arrivalOf(req), null, body.attachmentIds ?? []), req, res);
  }

  @Post(':assistantMessageId/regenerate')
  @SkipThrottle()
  @HttpCode(200)
  @ApiEventStream('A new answer to the same question, as POST /chat streams it; the earlier answer stays as a sibling version (meta.userMessageId is the question answered)', chatEvents)
  @ApiErrors(400, [404, 'message_not_found'], [409, 'answer_still_streaming'], [429, 'rate_limited', 'too_many_streams'], [503, 'server_shutting_down'])
  async regenerate(
    @CurrentActor() actor: Actor,
    @UuidParam('assistantMessageId') assistantMessageId: string,
    @Body() body: RegenerateRequest,
    @Req() req: Request & { id?: string },
    @Res() res: Response,
  ) {
    const fork: Fork = { kind: 'regenerate', assistantMessageId };
    await this.stream(new SendMessage(actor, null, '', body.filters ?? {}, arrivalOf(req), fork), req, res);
  }

  @Post(':userMessageId/edit')
  @SkipThrottle()
  @HttpCode(200)
  @ApiEventStream('The edited question asked in place of this user message, starting a new branch there (the earlier branch stays); streamed as POST /chat streams it', chatEvents)
  @ApiErrors(400, [404, 'message_not_found'], [409, 'answer_still_streaming'], [429, 'rate_limited', 'too_many_streams'], [503, 'server_shutting_down'])
  async edit(@CurrentActor() actor: Actor, @UuidParam('userMessageId') userMessageId: string, @Body() body: EditRequest, @Req() req: Request & { id?: string }, @Res() res: Response) {
    const fork: Fork = { kind: 'edit', userMessageId };
    await this.stream(new SendMessage(actor, null, body.message, body.filters ?? {}, arrivalOf(req), fork), req, res);
  }

  private async stream(command: SendMessage, req: Request & { id?: string }, res: Response) {
    let started;
    try {
      started = await this.commands.execute(command);
    } catch (error) {
      if (error instanceof ChatRefused) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error; // still before the stream: the error filter answers JSON
    }
    await SseChatStream.serve(req, res, String(req.id ?? ''), started);
  }

  @Post(':assistantMessageId/stop')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: StopView, description: 'The answer is being stopped; its stream ends with done, finishReason "stopped"' })
  @ApiErrors(400, [404, 'message_not_found'], [409, 'generation_not_running'], 429)
  async stop(@CurrentActor() actor: Actor, @UuidParam('assistantMessageId') assistantMessageId: string): Promise<StopView> {
    await this.commands.execute(new StopGeneration(actor, assistantMessageId));
    return { assistantMessageId, stopping: true };
  }

  @Post(':assistantMessageId/feedback')
  @HttpCode(201)
  @ApiCreatedResponse({ type: FeedbackView, description: 'Recorded; giving feedback again replaces it' })
  @ApiErrors(400, [404, 'message_not_found'], 429)
  async feedback(@CurrentActor() actor: Actor, @UuidParam('assistantMessageId') assistantMessageId: string, @Body() body: FeedbackRequest): Promise<FeedbackView> {
    const feedback = await this.commands.execute(new GiveFeedback(actor, assistantMessageId, body.rating, body.comment ?? null));
    return { assistantMessageId: feedback.messageId, rating: feedback.rating, comment: feedback.comment, updatedAt: feedback.at };
  }
}
