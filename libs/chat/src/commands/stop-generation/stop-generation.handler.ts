import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { MessageNotFound, MessageRepository } from '@app/conversations';
import { StopSignals } from '../../chat.ports';
import { GenerationNotRunning } from '../../domain/chat-errors';
import { StopGeneration } from './stop-generation.command';

/** Signals whichever process streams the answer; that process ends it with `done: stopped`. */
@CommandHandler(StopGeneration)
export class StopGenerationHandler implements ICommandHandler<StopGeneration> {
  constructor(
    private readonly messages: MessageRepository,
    private readonly stopSignals: StopSignals,
  ) {}

  async execute({ actor, assistantMessageId }: StopGeneration) {
    const answer = await this.messages.findOwnedAnswer(assistantMessageId, actor.userId);
    if (!answer) throw new MessageNotFound(assistantMessageId);
    if (!answer.isStreaming()) throw new GenerationNotRunning(assistantMessageId);
    await this.stopSignals.request(assistantMessageId);
  }
}
