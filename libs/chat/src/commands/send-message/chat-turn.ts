import { Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import type { MessageRepository } from '@app/conversations';
import { DomainError } from '@app/kernel';
import type { AccessScope } from '@app/retrieval';
import type { AgentStatus, AnswerResult, AnswerUsage, Citation, ConversationTurn, FinishReason } from '../../agent/answer-graph.deps';
import { AnswerAgent, ChatMetrics, StopSignals, StreamSlots, type AnswerOutcome } from '../../chat.ports';
import { AnswerGenerationFailed } from '../../domain/answer-generation-failed.error';
import type { RunningAnswer } from '../../streams/running-answers';
import { AnswerDraft } from './answer-draft';

export interface ChatTurnIds {
  conversationId: string;
  userMessageId: string;
  assistantMessageId: string;
}

/** Where a turn's events go; the HTTP layer writes them as SSE. */
export interface ChatEventSink {
  status(status: AgentStatus): void;
  token(text: string): void;
  citations(citations: Citation[]): void;
  done(done: { assistantMessageId: string; finishReason: FinishReason; usage?: AnswerUsage }): void;
  error(error: { code: string; message: string }): void;
}

export interface ChatTurnServices {
  agent: AnswerAgent;
  messages: MessageRepository;
  slots: StreamSlots;
  stopSignals: StopSignals;
  metrics: ChatMetrics;
  flushEveryMs: number;
  leaseRenewEveryMs: number;
}

export interface ChatTurnPlan {
  userId: string;
  question: string;
  history: ConversationTurn[];
  scope: AccessScope;
  /** performance.now() when the request arrived, for time-to-first-token. */
  startedAt: number;
  /** This answer among the process's running ones: ended early if the process shuts down. */
  running: RunningAnswer;
}

type Ending =
  | { kind: 'answered'; result: AnswerResult; outcome: AnswerOutcome }
  | { kind: 'failed'; code: string; message: string };

const shuttingDown = (): Extract<Ending, { kind: 'failed' }> => ({ kind: 'failed', code: 'server_shutting_down', message: 'The server restarted while answering; ask again' });

/**
 * One question being answered: the user message and the streaming answer row already exist.
 * `run` streams the agent's events to the sink and always leaves the answer row finished.
 */
export class ChatTurn {
  private readonly logger = new Logger(ChatTurn.name);

  constructor(
    readonly ids: ChatTurnIds,
    private readonly plan: ChatTurnPlan,
    private readonly services: ChatTurnServices,
  ) {}

  async run(sink: ChatEventSink, clientGone: AbortSignal): Promise<void> {
    const { slots, stopSignals, metrics } = this.services;
    const { assistantMessageId } = this.ids;
    const { shutdown } = this.plan.running;
    const abort = new AbortController();
    const unlisten = [
      onAbort(clientGone, () => abort.abort(new Error('client disconnected'))),
      onAbort(shutdown, () => abort.abort(new Error('server shutting down'))),
      stopSignals.listen(assistantMessageId, () => abort.abort(new Error('stop requested'))),
    ];
    const renewal = setInterval(() => slots.renew(this.plan.userId, assistantMessageId).catch((error: unknown) => this.warn('renewing the stream lease failed', error)), this.services.leaseRenewEveryMs);
    metrics.streamOpened();

    let ending: Ending;
    try {
      ending = await this.answer(sink, abort.signal, clientGone);
    } finally {
      clearInterval(renewal);
      unlisten.forEach((stop) => stop());
      metrics.streamClosed();
      // Released before the last event so a client that asks again right after `done` has its slot back.
      await slots.release(this.plan.userId, assistantMessageId).catch((error: unknown) => this.warn('releasing the stream slot failed', error));
      this.plan.running.finished();
    }

    const counted = ending.kind === 'answered' ? ending.outcome : shutdown.aborted ? 'interrupted' : 'failed';
    metrics.answered(counted, (performance.now() - this.plan.startedAt) / 1000);
    if (!clientGone.aborted) this.sendEnding(sink, ending);
  }

  /** Runs the agent and leaves the answer row finished, whatever happens. */
  private async answer(sink: ChatEventSink, signal: AbortSignal, clientGone: AbortSignal): Promise<Ending> {
    const { agent, messages, metrics } = this.services;
    const { shutdown } = this.plan.running;
    // Cut short by the client leaving or the process ending: saved as `interrupted`, not `stopped`/`failed`.
    const cutShort = () => clientGone.aborted || shutdown.aborted;
    const live = () => !clientGone.aborted;
    const draft = new AnswerDraft(messages, this.ids.assistantMessageId, this.services.flushEveryMs);
    let sawToken = false;
    try {
      const result = await agent.answer({
        question: this.plan.question,
        history: this.plan.history,
        scope: this.plan.scope,
        signal,
        emit: (status) => live() && sink.status(status),
        onToken: (text) => {
          if (!sawToken) metrics.firstToken((performance.now() - this.plan.startedAt) / 1000);
          sawToken = true;
          draft.append(text);
          if (live()) sink.token(text);
        },
      });
      const outcome: AnswerOutcome = result.finishReason !== 'stopped' ? 'complete' : cutShort() ? 'interrupted' : 'stopped';
      await draft.finish({
        status: outcome === 'complete' ? 'complete' : 'interrupted',
        content: result.answer,
        citations: result.citations,
        finishReason: result.finishReason,
        usage: result.usage ?? null,
        errorCode: null,
      });
      return shutdown.aborted && outcome === 'interrupted' ? shuttingDown() : { kind: 'answered', result, outcome };
    } catch (error) {
      if (!(error instanceof DomainError) && !shutdown.aborted) this.logger.error({ err: error, assistantMessageId: this.ids.assistantMessageId }, 'answering failed');
      // The reader gets the code; the operator needs the provider's own words.
      if (error instanceof AnswerGenerationFailed) this.warn('the chat model failed', error.cause);
      const ending = shutdown.aborted
        ? shuttingDown()
        : error instanceof DomainError
          ? { kind: 'failed' as const, code: error.code, message: error.message }
          : { kind: 'failed' as const, code: 'answer_failed', message: 'The answer could not be completed' };
      await draft
        .finish({ status: cutShort() ? 'interrupted' : 'failed', citations: [], finishReason: null, usage: null, errorCode: ending.code })
        .catch((finishError: unknown) => this.warn('finishing the failed answer failed', finishError));
      return ending;
    }
  }

  private sendEnding(sink: ChatEventSink, ending: Ending) {
    if (ending.kind === 'failed') {
      sink.error({ code: ending.code, message: ending.message });
      return;
    }
    const { result } = ending;
    sink.citations(result.citations);
    sink.done({ assistantMessageId: this.ids.assistantMessageId, finishReason: result.finishReason, ...(result.usage ? { usage: result.usage } : {}) });
  }

  private warn(what: string, error: unknown) {
    this.logger.warn({ err: error, assistantMessageId: this.ids.assistantMessageId }, what);
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
