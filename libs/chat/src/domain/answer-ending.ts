import { DomainError } from '@app/kernel';

export type AnswerOutcome = 'complete' | 'stopped' | 'interrupted' | 'failed';

/** How the agent's run came back: with an answer (possibly cut short by an abort), or by throwing. */
export type AnswerRunResult = { answered: true; finishReason: 'stop' | 'length' | 'stopped' } | { answered: false; error: unknown };

/** Which of the things that can abort an answer had happened by the time it came back. */
export interface AbortReasons {
  /** The client closed the stream. */
  clientGone: boolean;
  /** This process is shutting down and the grace period ran out. */
  shutdown: boolean;
}

export interface AnswerEnding {
  /** What `chat_answers_total` counts. */
  outcome: AnswerOutcome;
  /** How the answer's row is finished; an answered run also stores its text, citations and usage. */
  row: { status: 'complete' | 'interrupted' | 'failed'; errorCode: string | null };
  /** The stream's last event: `citations` then `done`, or `error`; none for a client that is gone. */
  last: { event: 'done' } | { event: 'error'; code: string; message: string } | null;
}

const SHUTTING_DOWN = { event: 'error', code: 'server_shutting_down', message: 'The server restarted while answering; ask again' } as const;

function failureOf(error: unknown): { code: string; message: string } {
  return error instanceof DomainError ? { code: error.code, message: error.message } : { code: 'answer_failed', message: 'The answer could not be completed' };
}

/**
 * The one place that decides how an answer ends. A run that resolves `stopped` was aborted: by a
 * stop request when nothing else explains it (`done` with `stopped`), else by the client leaving
 * or the process ending (`interrupted`). A shutdown always tells a client still there to ask
 * again, whatever the run did, since the answer it got is not the whole one.
 */
export function answerEnding(run: AnswerRunResult, aborted: AbortReasons): AnswerEnding {
  const cutShort = aborted.clientGone || aborted.shutdown;
  const tell = <T>(last: T) => (aborted.clientGone ? null : last);
  if (run.answered) {
    if (run.finishReason !== 'stopped') return { outcome: 'complete', row: { status: 'complete', errorCode: null }, last: tell({ event: 'done' }) };
    if (aborted.shutdown) return { outcome: 'interrupted', row: { status: 'interrupted', errorCode: null }, last: tell(SHUTTING_DOWN) };
    return { outcome: cutShort ? 'interrupted' : 'stopped', row: { status: 'interrupted', errorCode: null }, last: tell({ event: 'done' }) };
  }
  const failure = aborted.shutdown ? SHUTTING_DOWN : { event: 'error' as const, ...failureOf(run.error) };
  return {
    outcome: aborted.shutdown ? 'interrupted' : 'failed',
    row: { status: cutShort ? 'interrupted' : 'failed', errorCode: failure.code },
    last: tell(failure),
  };
}
