import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessDirectory } from '@app/access';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Conversation, ConversationNotFound, ConversationRepository, Message, MessageNotFound, MessageRepository } from '@app/conversations';
import { DomainError } from '@app/kernel';
import { accessScopeOf, type AccessScope } from '@app/retrieval';
import type { AgentStatus, AnswerResult, ConversationTurn } from '../../agent/answer-graph.deps';
import { PrefetchedSearches } from '../../agent/prefetched-searches';
import { AnswerAgent, ChatMetrics, StopSignals, StreamSlots } from '../../chat.ports';
import { ChatSettings } from '../../chat.settings';
import { answerEnding, type AnswerEnding, type AnswerRunResult } from '../../domain/answer-ending';
import { AnswerGenerationFailed } from '../../domain/answer-generation-failed.error';
import { boundedHistory, historyCharacterBound } from '../../domain/bounded-history';
import { AnswerStillStreaming, ChatRateLimited, TooManyStreams } from '../../domain/chat-errors';
import { RunningAnswers, type RunningAnswer } from '../../streams/running-answers';
import { AnswerDraft } from './answer-draft';
import { ConversationAttachmentScope, unreadableAnswer, type AttachmentContext } from './conversation-attachment-scope';
import type { ChatEvent, ChatIds, ChatStarted } from './chat-events';
import { EventChannel } from './event-channel';
import { SendMessage, type Fork } from './send-message.command';

function historyOf(messages: Message[]): ConversationTurn[] {
  return messages.filter((m) => m.content.trim() && m.status !== 'failed' && m.status !== 'streaming').map((m) => ({ role: m.role, content: m.content }));
}

/** What a question adds to its conversation, before anything is saved. */
interface PlannedTurn {
  conversation: Conversation;
  question: string;
  userMessageId: string;
  /** The branch before the question, newest first, as far back as the history can reach. */
  before: Message[];
  /** The rows to add: the question (unless regenerating) and the answer's row. */
  newRows: Message[];
  /** A message whose path must be shown once the rows are saved (a question answered again, an edited one). */
  chosen?: Message;
}

/** One answer after its rows are saved: what the run needs and what it must give back. */
interface Turn {
  ids: ChatIds;
  userId: string;
  question: string;
  history: ConversationTurn[];
  scope: AccessScope;
  prefetched: PrefetchedSearches;
  attachments: AttachmentContext;
  /** performance.now() when the request arrived, for the chat metrics. */
  startedAt: number;
  running: RunningAnswer;
}

/**
 * Everything that can refuse the question happens before it returns, so those failures are plain
 * JSON errors: the per-user limits, the conversation's ownership, saving the question with the
 * row its answer fills. It then starts the answer and returns its events; the run always leaves
 * the row finished and the stream slot released, whether or not anyone reads the events.
 */
@CommandHandler(SendMessage)
export class SendMessageHandler implements ICommandHandler<SendMessage> {
  private readonly logger = new Logger(SendMessageHandler.name);

  constructor(
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly slots: StreamSlots,
    private readonly running: RunningAnswers,
    private readonly access: AccessDirectory,
    private readonly stopSignals: StopSignals,
    private readonly agent: AnswerAgent,
    private readonly metrics: ChatMetrics,
    private readonly settings: ChatSettings,
    private readonly attachmentScope: ConversationAttachmentScope,
  ) {}

  async execute({ actor, conversationId, message, filters, receivedAt: startedAt, fork, attachmentIds }: SendMessage): Promise<ChatStarted> {
    const assistantMessageId = randomUUID();
    const running = this.running.start();
    let slotHeld = false;
    try {
      const slot = await this.slots.acquire(actor.userId, assistantMessageId);
      if (!slot.granted) throw slot.reason === 'rate_limited' ? new ChatRateLimited(slot.retryAfterSeconds) : new TooManyStreams(slot.retryAfterSeconds);
      slotHeld = true;
      // Read from the tree now, never cached: a department moved a moment ago reads accordingly.
      const reader = await this.access.readerScopeOf(actor.departmentId);
      // Ownership before the attachments: another's conversation answers as one that does not exist, whatever ids come with it.
      const existing = fork || !conversationId ? null : await this.owned(conversationId, actor.userId);
      // A fork's conversation is only known once its message is loaded.
      let attached = fork ? null : await this.attachmentScope.of(existing?.id ?? null, attachmentIds);
      let scope = attached ? this.attachmentScope.scopeOf(reader, actor.userId, conversationId, attached, filters) : accessScopeOf(reader, filters);
      const now = new Date();
      // A regenerated answer's question is only known once loaded; every other question is.
      let prefetched = fork?.kind === 'regenerate' ? null : this.agent.prefetch(message, scope);
      const turn = fork ? await this.forked(actor.userId, fork, message, assistantMessageId, now) : await this.next(actor.userId, existing, message, assistantMessageId, now);
      if (!attached) {
        attached = await this.attachmentScope.of(turn.conversation.id, attachmentIds);
        if (attached.all.length) [scope, prefetched] = [this.attachmentScope.scopeOf(reader, actor.userId, turn.conversation.id, attached, filters), null];
      }
      prefetched ??= this.agent.prefetch(turn.question, scope);
      const asked = turn.newRows.find((row) => row.id === turn.userMessageId);
      if (asked) asked.attachmentIds = attached.asked.map((file) => file.id);
      await this.conversations.saveWithMessages(turn.conversation, turn.newRows);
      if (turn.chosen) await this.messages.choose(turn.chosen.id, now);
      const ids = { conversationId: turn.conversation.id, userMessageId: turn.userMessageId, assistantMessageId };
      const history = boundedHistory(historyOf([...turn.before].reverse()), this.settings.historyMaxTokens);
      return { ids, events: this.start({ ids, userId: actor.userId, question: turn.question, history, scope, prefetched, attachments: attached, startedAt, running }) };
    } catch (error) {
      if (slotHeld) await this.slots.release(actor.userId, assistantMessageId).catch(() => undefined);
      running.finished();
      throw error;
    }
  }

  private async owned(conversationId: string, userId: string): Promise<Conversation> {
    const found = await this.conversations.findOwned(conversationId, userId);
    if (!found) throw new ConversationNotFound(conversationId);
    return found;
  }

  /** The next question of a conversation (a new one when there is none yet): it follows the branch shown. */
  private async next(userId: string, existing: Conversation | null, message: string, assistantMessageId: string, now: Date): Promise<PlannedTurn> {
    let conversation: Conversation;
    let before: Message[] = [];
    if (existing) {
      conversation = existing;
      const tip = await this.messages.shownTip(conversation.id);
      before = tip ? await this.lineage(tip.id) : [];
      conversation.recordMessage(message, now);
    } else {
      conversation = Conversation.startedBy(randomUUID(), userId, message, now);
    }
    const question = Message.fromUser(randomUUID(), conversation.id, message, now, before[0]?.id ?? null);
    const answer = Message.answerStarting(assistantMessageId, conversation.id, now, question.id);
    return { conversation, question: message, userMessageId: question.id, before, newRows: [question, answer] };
  }

  /** A new version of an earlier turn; the model is given the branch before it, nothing of its other versions. */
  private async forked(userId: string, fork: Fork, message: string, assistantMessageId: string, now: Date): Promise<PlannedTurn> {
    const forkedId = fork.kind === 'regenerate' ? fork.assistantMessageId : fork.userMessageId;
    const forked = await this.messages.findOwned(forkedId, userId);
    if (!forked || forked.role !== (fork.kind === 'regenerate' ? 'assistant' : 'user')) throw new MessageNotFound(forkedId);
    const conversation = await this.conversations.findOwned(forked.conversationId, userId);
    if (!conversation) throw new MessageNotFound(forkedId);
    if (fork.kind === 'regenerate') {
      if (forked.isStreaming()) throw new AnswerStillStreaming(forked.id);
      const question = forked.parentId ? await this.messages.findOwned(forked.parentId, userId) : null;
      if (question?.role !== 'user') throw new MessageNotFound(forkedId);
      conversation.recordMessage(question.content, now);
      const answer = Message.answerStarting(assistantMessageId, conversation.id, now, question.id);
      // Shown again with its new answer (and the path to it), should another version have been chosen since.
      return { conversation, question: question.content, userMessageId: question.id, before: await this.lineageBefore(question), newRows: [answer], chosen: question };
    }
    if (await this.messages.hasStreamingAnswer(forked.id)) throw new AnswerStillStreaming(forked.id);
    conversation.recordMessage(message, now);
    const question = Message.fromUser(randomUUID(), conversation.id, message, now, forked.parentId);
    const answer = Message.answerStarting(assistantMessageId, conversation.id, now, question.id);
    // The path to the new branch is shown, whichever versions were shown before it.
    return { conversation, question: message, userMessageId: question.id, before: await this.lineageBefore(forked), newRows: [question, answer], chosen: question };
  }

  /** A message and those before it, newest first, as far back as the model's history can reach. */
  private lineage(messageId: string): Promise<Message[]> {
    return this.messages.lineage(messageId, historyCharacterBound(this.settings.historyMaxTokens));
  }

  private async lineageBefore(message: Message): Promise<Message[]> {
    return message.parentId ? this.lineage(message.parentId) : [];
  }

  private start(turn: Turn): AsyncIterable<ChatEvent> {
    const clientGone = new AbortController();
    const events = new EventChannel<ChatEvent>(() => clientGone.abort());
    void this.answer(turn, events, clientGone.signal);
    return events;
  }

  /** Runs the agent into `events` and ends the answer as `answerEnding` says. Never rejects. */
  private async answer(turn: Turn, events: EventChannel<ChatEvent>, clientGone: AbortSignal): Promise<void> {
    const { assistantMessageId } = turn.ids;
    const { shutdown } = turn.running;
    const abort = new AbortController();
    const unlisten = [
      onAbort(clientGone, () => abort.abort(new Error('client disconnected'))),
      onAbort(shutdown, () => abort.abort(new Error('server shutting down'))),
      this.stopSignals.listen(assistantMessageId, () => abort.abort(new Error('stop requested'))),
    ];
    const renewal = setInterval(
      () => this.slots.renew(turn.userId, assistantMessageId).catch((error: unknown) => this.warn(turn, 'renewing the stream lease failed', error)),
      this.settings.leaseRenewEveryMs,
    );
    this.metrics.streamOpened();
    const draft = new AnswerDraft(this.messages, assistantMessageId, this.settings.flushEveryMs);
    const aborted = () => ({ clientGone: clientGone.aborted, shutdown: shutdown.aborted });

    let result: AnswerResult | null = null;
    let ending: AnswerEnding;
    let sawToken = false;
    try {
      let run: AnswerRunResult;
      const emit = (status: AgentStatus) => events.push({ event: 'status', data: status });
      const onToken = (text: string) => {
        if (!sawToken) this.metrics.firstToken((performance.now() - turn.startedAt) / 1000);
        sawToken = true;
        draft.append(text);
        events.push({ event: 'token', data: { text } });
      };
      try {
        const reading = await this.attachmentScope.awaitReadable(turn.ids.conversationId, turn.attachments, emit, abort.signal);
        if (reading.unreadable.length) {
          const answer = unreadableAnswer(reading.unreadable);
          onToken(answer);
          result = { answer, citations: [], finishReason: abort.signal.aborted ? 'stopped' : 'stop' };
        } else {
          // Searches started before the wait could not see what it waited for.
          const prefetched = reading.waited ? PrefetchedSearches.none() : turn.prefetched;
          result = await this.agent.answer({ question: turn.question, history: turn.history, scope: turn.scope, prefetched, signal: abort.signal, emit, onToken });
        }
        run = { answered: true, finishReason: result.finishReason };
      } catch (error) {
        run = { answered: false, error };
        this.report(turn, error, shutdown.aborted);
      }
      ending = answerEnding(run, aborted());
      ending = await this.finishRow(turn, draft, ending, run.answered ? result : null, aborted);
    } finally {
      clearInterval(renewal);
      unlisten.forEach((stop) => stop());
      this.metrics.streamClosed();
      // Released before the last event so a client that asks again right after `done` has its slot back.
      await this.slots.release(turn.userId, assistantMessageId).catch((error: unknown) => this.warn(turn, 'releasing the stream slot failed', error));
      turn.running.finished();
    }

    this.metrics.answered(ending.outcome, (performance.now() - turn.startedAt) / 1000);
    if (ending.last?.event === 'done' && result) {
      events.push({ event: 'citations', data: { citations: result.citations } });
      events.push({ event: 'done', data: { assistantMessageId, finishReason: result.finishReason, ...(result.usage ? { usage: result.usage } : {}) } });
    } else if (ending.last?.event === 'error') {
      events.push({ event: 'error', data: { code: ending.last.code, message: ending.last.message } });
    }
    events.close();
  }

  /** Writes the row as the ending says; an answer whose row cannot be written ends as a failure. */
  private async finishRow(turn: Turn, draft: AnswerDraft, ending: AnswerEnding, result: AnswerResult | null, aborted: () => { clientGone: boolean; shutdown: boolean }): Promise<AnswerEnding> {
    if (result) {
      try {
        await draft.finish({
          status: ending.row.status,
          ending: ending.outcome,
          content: result.answer,
          citations: result.citations,
          finishReason: result.finishReason,
          usage: result.usage ?? null,
          errorCode: null,
        });
        return ending;
      } catch (error) {
        this.report(turn, error, false);
        ending = answerEnding({ answered: false, error }, aborted());
      }
    }
    await draft
      .finish({ status: ending.row.status, ending: ending.outcome, citations: [], finishReason: null, usage: null, errorCode: ending.row.errorCode })
      .catch((error: unknown) => this.warn(turn, 'finishing the failed answer failed', error));
    return ending;
  }

  private report(turn: Turn, error: unknown, shuttingDown: boolean) {
    if (!(error instanceof DomainError) && !shuttingDown) this.logger.error({ err: error, assistantMessageId: turn.ids.assistantMessageId }, 'answering failed');
    // The reader gets the code; the operator needs the provider's own words.
    if (error instanceof AnswerGenerationFailed) this.warn(turn, 'the chat model failed', error.cause);
  }

  private warn(turn: Turn, what: string, error: unknown) {
    this.logger.warn({ err: error, assistantMessageId: turn.ids.assistantMessageId }, what);
  }
}

/** Calls `then` once the signal aborts (at once if it already has); returns the way to stop listening. */
function onAbort(signal: AbortSignal, then: () => void): () => void {
  if (signal.aborted) {
    then();
    return () => undefined;
  }
  signal.addEventListener('abort', then, { once: true });
  return () => signal.removeEventListener('abort', then);
}
