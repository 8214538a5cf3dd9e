import { Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import type { MessageRepository } from '@app/conversations';
import { DomainError } from '@app/kernel';
import type { AccessScope } from '@app/retrieval';
import type { AgentStatus, AnswerResult, AnswerUsage, Citation, ConversationTurn, FinishReason } from '../../agent/answer-graph.deps';
import { AnswerAgent, ChatMetrics, StopSignals, StreamSlots, type AnswerOutcome } from '../../chat.ports';
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
    const { agent, messages, slots, stopSignals, metrics } = this.services;
    const { assistantMessageId } = this.ids;
    const abort = new AbortController();
    const onClientGone = () => abort.abort(new Error('client disconnected'));
    if (clientGone.aborted) onClientGone();
    else clientGone.addEventListener('abort', onClientGone, { once: true });
    const unlisten = stopSignals.listen(assistantMessageId, () => abort.abort(new Error('stop requested')));
    const { shutdown } = this.plan.running;
    const onShutdown = () => abort.abort(new Error('server shutting down'));
    shutdown.addEventListener('abort', onShutdown, { once: true });
    // Cut short by the client leaving or the process ending: saved as `interrupted`, not `stopped`/`failed`.
    const cutShort = () => clientGone.aborted || shutdown.aborted;
    const renewal = setInterval(() => slots.renew(this.plan.userId, assistantMessageId).catch((error: unknown) => this.warn('renewing the stream lease failed', error)), this.services.leaseRenewEveryMs);
    const draft = new AnswerDraft(messages, assistantMessageId, this.services.flushEveryMs);
    const live = () => !clientGone.aborted;
    let sawToken = false;
    metrics.streamOpened();

    let ending: Ending;
    try {
      const result = await agent.answer({
        question: this.plan.question,
        history: this.plan.history,
        scope: this.plan.scope,
        signal: abort.signal,
        emit: (status) => live() && sink.status(status),
        onToken: (text) => {
          if (!sawToken) metrics.firstToken((performance.now() - this.plan.startedAt) / 1000);
          sawToken = true;
          draft.append(text);
          if (live()) sink.token(text);
        },
      });
      const outcome: AnswerOutcome = result.finishReason !== 'stopped' ? 'complete' : cutShort() ? 'interrupted' : 'stopped';
      ending = shutdown.aborted && outcome === 'interrupted' ? shuttingDown() : { kind: 'answered', result, outcome };
      await draft.finish({
        status: outcome === 'complete' ? 'complete' : 'interrupted',
        content: result.answer,
        citations: result.citations,
        finishReason: result.finishReason,
        usage: result.usage ?? null,
        errorCode: null,
      });
    } catch (error) {
      if (!(error instanceof DomainError) && !shutdown.aborted) this.logger.error({ err: error, assistantMessageId }, 'answering failed');
      ending = shutdown.aborted
        ? shuttingDown()
        : error instanceof DomainError
          ? { kind: 'failed', code: error.code, message: error.message }
          : { kind: 'failed', code: 'answer_failed', message: 'The answer could not be completed' };
      await draft
        .finish({ status: cutShort() ? 'interrupted' : 'failed', citations: [], finishReason: null, usage: null, errorCode: ending.code })
        .catch((finishError: unknown) => this.warn('finishing the failed answer failed', finishError));
    } finally {
      clearInterval(renewal);
      unlisten();
      clientGone.removeEventListener('abort', onClientGone);
      shutdown.removeEventListener('abort', onShutdown);
      metrics.streamClosed();
      // Released before the last event so a client that asks again right after `done` has its slot back.
      await slots.release(this.plan.userId, assistantMessageId).catch((error: unknown) => this.warn('releasing the stream slot failed', error));
      this.plan.running.finished();
    }

    const counted = ending.kind === 'answered' ? ending.outcome : shutdown.aborted ? 'interrupted' : 'failed';
    metrics.answered(counted, (performance.now() - this.plan.startedAt) / 1000);
    if (!live()) return;
    if (ending.kind === 'failed') {
      sink.error({ code: ending.code, message: ending.message });
      return;
    }
    const { result } = ending;
    sink.citations(result.citations);
    sink.done({ assistantMessageId, finishReason: result.finishReason, ...(result.usage ? { usage: result.usage } : {}) });
  }

  private warn(what: string, error: unknown) {
    this.logger.warn({ err: error, assistantMessageId: this.ids.assistantMessageId }, what);
  }
}
