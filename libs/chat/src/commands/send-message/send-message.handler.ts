import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessDirectory } from '@app/access';
import { randomUUID } from 'node:crypto';
import { Conversation, ConversationNotFound, ConversationRepository, Message, MessageRepository } from '@app/conversations';
import { accessScopeOf } from '@app/retrieval';
import type { ConversationTurn } from '../../agent/answer-graph.deps';
import { AnswerAgent, ChatMetrics, StopSignals, StreamSlots } from '../../chat.ports';
import { ChatRateLimited, TooManyStreams } from '../../domain/chat-errors';
import { ChatSettings } from '../../chat.settings';
import { RunningAnswers } from '../../streams/running-answers';
import { ChatTurn, type ChatTurnServices } from './chat-turn';
import { SendMessage } from './send-message.command';

const HISTORY_MESSAGES = 10;

function historyOf(messages: Message[]): ConversationTurn[] {
  return messages.filter((m) => m.content.trim() && m.status !== 'failed' && m.status !== 'streaming').map((m) => ({ role: m.role, content: m.content }));
}

/**
 * Everything that must happen before the stream opens, so its failures are plain JSON errors:
 * the per-user limits, the conversation's ownership, and saving the question with the row
 * its answer will fill. Returns the turn for the caller to stream.
 */
@CommandHandler(SendMessage)
export class SendMessageHandler implements ICommandHandler<SendMessage> {
  private readonly services: ChatTurnServices;

  constructor(
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly slots: StreamSlots,
    private readonly running: RunningAnswers,
    private readonly access: AccessDirectory,
    stopSignals: StopSignals,
    agent: AnswerAgent,
    metrics: ChatMetrics,
    settings: ChatSettings,
  ) {
    this.services = { agent, messages, slots, stopSignals, metrics, flushEveryMs: settings.flushEveryMs, leaseRenewEveryMs: settings.leaseRenewEveryMs };
  }

  async execute({ actor, conversationId, message, filters, receivedAt: startedAt }: SendMessage): Promise<ChatTurn> {
    const assistantMessageId = randomUUID();
    const running = this.running.start();
    let slotHeld = false;
    try {
      const slot = await this.slots.acquire(actor.userId, assistantMessageId);
      if (!slot.granted) throw slot.reason === 'rate_limited' ? new ChatRateLimited(slot.retryAfterSeconds) : new TooManyStreams(slot.retryAfterSeconds);
      slotHeld = true;
      // Read from the tree now, never cached: a department moved a moment ago reads accordingly.
      const scope = accessScopeOf(await this.access.readerScopeOf(actor.departmentId), filters);
      this.services.agent.anticipate(message, scope);
      const now = new Date();
      let conversation: Conversation;
      let history: ConversationTurn[] = [];
      if (conversationId) {
        const found = await this.conversations.findOwned(conversationId, actor.userId);
        if (!found) throw new ConversationNotFound(conversationId);
        conversation = found;
        history = historyOf(await this.messages.recentOf(conversation.id, HISTORY_MESSAGES));
        conversation.recordMessage(message, now);
      } else {
        conversation = Conversation.startedBy(randomUUID(), actor.userId, message, now);
      }
      const question = Message.fromUser(randomUUID(), conversation.id, message, now);
      const answer = Message.answerStarting(assistantMessageId, conversation.id, now);
      await this.conversations.saveWithMessages(conversation, [question, answer]);
      const ids = { conversationId: conversation.id, userMessageId: question.id, assistantMessageId };
      return new ChatTurn(ids, { userId: actor.userId, question: message, history, scope, startedAt, running }, this.services);
    } catch (error) {
      if (slotHeld) await this.slots.release(actor.userId, assistantMessageId).catch(() => undefined);
      running.finished();
      throw error;
    }
  }
}
