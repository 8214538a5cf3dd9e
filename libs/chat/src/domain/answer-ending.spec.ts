import { DomainError } from '@app/kernel';
import { answerEnding, type AnswerEnding, type AnswerRunResult } from './answer-ending';

class ModelDown extends DomainError {
  readonly kind = 'unavailable';
  constructor() {
    super('answer_generation_failed', 'the chat model failed: upstream 500');
  }
}

const answered = (finishReason: 'stop' | 'length' | 'stopped'): AnswerRunResult => ({ answered: true, finishReason });
const threw = (error: unknown): AnswerRunResult => ({ answered: false, error });
const none = { clientGone: false, shutdown: false };
const gone = { clientGone: true, shutdown: false };
const shutdown = { clientGone: false, shutdown: true };
const goneInShutdown = { clientGone: true, shutdown: true };

const done = { event: 'done' } as const;
const shuttingDown = { event: 'error', code: 'server_shutting_down', message: expect.any(String) };
const row = (status: AnswerEnding['row']['status'], errorCode: string | null = null) => ({ status, errorCode });

describe('answerEnding', () => {
  it.each([
    ['a finished answer', answered('stop'), none, 'complete', row('complete'), done],
    ['an answer cut at the token limit', answered('length'), none, 'complete', row('complete'), done],
    ['an answer that finished as the client left', answered('stop'), gone, 'complete', row('complete'), null],
    ['an answer that finished during shutdown', answered('stop'), shutdown, 'complete', row('complete'), done],
    ['a stop request', answered('stopped'), none, 'stopped', row('interrupted'), done],
    ['the client leaving', answered('stopped'), gone, 'interrupted', row('interrupted'), null],
    ['the shutdown grace running out', answered('stopped'), shutdown, 'interrupted', row('interrupted'), shuttingDown],
    ['the client leaving during shutdown', answered('stopped'), goneInShutdown, 'interrupted', row('interrupted'), null],
    [
      'a model failure',
      threw(new ModelDown()),
      none,
      'failed',
      row('failed', 'answer_generation_failed'),
      { event: 'error', code: 'answer_generation_failed', message: 'the chat model failed: upstream 500' },
    ],
    [
      'an unexpected error',
      threw(new TypeError('x is undefined')),
      none,
      'failed',
      row('failed', 'answer_failed'),
      { event: 'error', code: 'answer_failed', message: 'The answer could not be completed' },
    ],
    ['a failure after the client left', threw(new ModelDown()), gone, 'failed', row('interrupted', 'answer_generation_failed'), null],
    ['a failure during shutdown', threw(new ModelDown()), shutdown, 'interrupted', row('interrupted', 'server_shutting_down'), shuttingDown],
    ['a failure after the client left during shutdown', threw(new Error('boom')), goneInShutdown, 'interrupted', row('interrupted', 'server_shutting_down'), null],
  ])('%s', (_case, run, aborted, outcome, expectedRow, last) => {
    expect(answerEnding(run, aborted)).toEqual({ outcome, row: expectedRow, last });
  });

  it('never tells the reader the text of an unexpected error', () => {
    const ending = answerEnding(threw(new Error('password=hunter2 in the connection string')), none);
    expect(JSON.stringify(ending)).not.toContain('hunter2');
  });
});
