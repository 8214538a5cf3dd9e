import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { MessageNotFound, MessageRepository } from '@app/conversations';
import { FeedbackRepository, type Feedback } from '../../chat.ports';
import { GiveFeedback } from './give-feedback.command';

@CommandHandler(GiveFeedback)
export class GiveFeedbackHandler implements ICommandHandler<GiveFeedback> {
  constructor(
    private readonly messages: MessageRepository,
    private readonly feedback: FeedbackRepository,
  ) {}

  async execute({ actor, assistantMessageId, rating, comment }: GiveFeedback) {
    const answer = await this.messages.findOwnedAnswer(assistantMessageId, actor.userId);
    if (!answer) throw new MessageNotFound(assistantMessageId);
    const feedback: Feedback = { messageId: answer.id, userId: actor.userId, rating, comment: comment?.trim() || null, at: new Date() };
    await this.feedback.save(feedback);
    return feedback;
  }
}
