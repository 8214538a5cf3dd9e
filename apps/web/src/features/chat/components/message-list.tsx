import { memo, useEffect, useRef } from 'react';
import type { Citation, StoredMessage } from '@/lib/api/types';
import { Notice } from '@/components/notice';
import type { Turn } from '../hooks/use-chat-turn';
import { Answer } from './answer';

const STEP_WORDS: Record<string, string> = {
  routing: 'Understanding the question',
  planning: 'Planning the search',
  retrieving: 'Searching the documents',
  evaluating: 'Checking what was found',
  refining: 'Refining the search',
  web_search: 'Searching the web',
  generating: 'Writing the answer',
};
export const stepWords = (step: string) => STEP_WORDS[step] ?? step.replace(/_/g, ' ');

type Props = {
  messages: StoredMessage[];
  turn: Turn | null;
  stepsByAnswer: Record<string, string[]>;
  onAskAgain: (question: string) => void;
  onDismiss: () => void;
};

export function MessageList({ messages, turn, stepsByAnswer, onAskAgain, onDismiss }: Props) {
  const end = useRef<HTMLDivElement>(null);
  const hidden = new Set([turn?.userMessageId, turn?.assistantMessageId].filter(Boolean));
  const shown = messages.filter((m) => !hidden.has(m.id));
  const lastLength = turn?.text.length ?? 0;
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [shown.length, lastLength, turn?.phase]);

  return (
    <div className="messages">
      {shown.map((message) =>
        message.role === 'user' ? <Question key={message.id} text={message.content} /> : <StoredAnswer key={message.id} message={message} steps={stepsByAnswer[message.id]} />,
      )}
      {turn && <LiveTurn turn={turn} onAskAgain={onAskAgain} onDismiss={onDismiss} />}
      <div ref={end} />
    </div>
  );
}

// Memoised, as the stored messages stay the same while the live answer renders once a frame.
const StoredAnswer = memo(function StoredAnswer({ message, steps }: { message: StoredMessage; steps: string[] | undefined }) {
  return (
    <article className="message assistant" aria-label="Answer">
      {steps && <Steps steps={steps} />}
      <Answer messageId={message.id} text={message.content} citations={message.citations ?? NO_CITATIONS} rateable={message.status === 'complete'} />
      {message.status === 'interrupted' && <p className="badge warn">Stopped before the end</p>}
      {message.status === 'failed' && <p className="badge error">This answer failed before it was finished</p>}
      {message.status === 'streaming' && <p className="badge">Still being written…</p>}
    </article>
  );
});
const NO_CITATIONS: Citation[] = [];

const Question = memo(function Question({ text }: { text: string }) {
  return (
    <div className="message user">
      <p className="visually-hidden">You asked:</p>
      <p className="question-text">{text}</p>
    </div>
  );
});

function LiveTurn({ turn, onAskAgain, onDismiss }: { turn: Turn; onAskAgain: (question: string) => void; onDismiss: () => void }) {
  const step = turn.steps.at(-1);
  const working = turn.phase === 'sending' || turn.phase === 'streaming' || turn.phase === 'stopping';
  const askAgain = (
    <span className="notice-actions">
      <button type="button" className="button small" onClick={() => onAskAgain(turn.question)}>
        Ask again
      </button>
      <button type="button" className="button ghost small" onClick={onDismiss}>
        Dismiss
      </button>
    </span>
  );
  return (
    <>
      <Question text={turn.question} />
      {turn.phase === 'refused' ? (
        <Notice action={askAgain}>{turn.error}</Notice>
      ) : (
        <article className="message assistant" aria-label="Answer" aria-busy={working} data-phase={turn.phase}>
          {working && (
            <p className="step" role="status">
              <span className="pulse" aria-hidden="true" />
              {turn.phase === 'stopping' ? 'Stopping…' : step ? `${stepWords(step)}…` : 'Sending your question…'}
            </p>
          )}
          {turn.steps.length > 0 && <Steps steps={turn.steps} />}
          {turn.assistantMessageId && (turn.text || turn.citations.length > 0) && (
            <Answer messageId={turn.assistantMessageId} text={turn.text} citations={turn.citations} live={working} rateable={turn.phase === 'done'} />
          )}
          {turn.phase === 'stopped' && <p className="badge warn">Stopped before the end</p>}
          {(turn.phase === 'failed' || turn.phase === 'dropped') && <Notice action={askAgain}>{turn.error}</Notice>}
          {turn.error && working && <Notice>{turn.error}</Notice>}
        </article>
      )}
    </>
  );
}

function Steps({ steps }: { steps: string[] }) {
  return (
    <details className="steps">
      <summary>How this answer was found</summary>
      <ol aria-label="Steps">
        {steps.map((s, i) => (
          <li key={`${s}-${i}`}>{stepWords(s)}</li>
        ))}
      </ol>
    </details>
  );
}
