import { memo, useCallback, useEffect, useRef } from 'react';
import type { Citation, StoredMessage } from '@/lib/api/types';
import { Notice } from '@/components/notice';
import type { Fork, Turn } from '../hooks/use-chat-turn';
import { Answer } from './answer';
import { Question, StoredQuestion } from './question';
import { VersionSwitcher } from './version-switcher';

const STEP_WORDS: Record<string, string> = {
  routing: 'Understanding the question',
  planning: 'Planning the search',
  retrieving: 'Searching the documents',
  evaluating: 'Checking what was found',
  refining: 'Refining the search',
  web_search: 'Searching the web',
  generating: 'Writing the answer',
};
const stepWords = (step: string) => STEP_WORDS[step] ?? step.replace(/_/g, ' ');

type Props = {
  messages: StoredMessage[];
  turn: Turn | null;
  stepsByAnswer: Record<string, string[]>;
  /** An answer streams or a version is being switched to: no other turn may start. */
  busy: boolean;
  onAskAgain: (question: string, fork: Fork | null) => void;
  onFork: (question: string, fork: Fork) => void;
  onShowVersion: (messageId: string) => void;
  onDismiss: () => void;
};

/** The messages before a fork's point stay; from it on, the turn stands in for what is stored. */
function shownMessages(messages: StoredMessage[], turn: Turn | null): StoredMessage[] {
  const hidden = new Set([turn?.userMessageId, turn?.assistantMessageId].filter(Boolean));
  const cut = turn?.replacesFrom ? messages.findIndex((m) => m.id === turn.replacesFrom) : -1;
  return (cut >= 0 ? messages.slice(0, cut) : messages).filter((m) => !hidden.has(m.id));
}

export function MessageList({ messages, turn, stepsByAnswer, busy, onAskAgain, onFork, onShowVersion, onDismiss }: Props) {
  const end = useRef<HTMLDivElement>(null);
  const shown = shownMessages(messages, turn);
  const lastLength = turn?.text.length ?? 0;
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [shown.length, lastLength, turn?.phase]);

  const onEdit = useCallback((message: StoredMessage, text: string) => onFork(text, { kind: 'edit', userMessageId: message.id }), [onFork]);
  const onRegenerate = useCallback(
    (answer: StoredMessage, question: StoredMessage) => onFork(question.content, { kind: 'regenerate', assistantMessageId: answer.id, questionId: question.id }),
    [onFork],
  );
  const lastId = turn ? null : shown.at(-1)?.id;

  return (
    <div className="messages">
      {shown.map((message, i) =>
        message.role === 'user' ? (
          <StoredQuestion key={message.id} message={message} busy={busy} onEdit={onEdit} onShow={onShowVersion} />
        ) : (
          <StoredAnswer
            key={message.id}
            message={message}
            question={shown[i - 1]?.role === 'user' ? shown[i - 1] : null}
            last={message.id === lastId}
            busy={busy}
            steps={stepsByAnswer[message.id]}
            onRegenerate={onRegenerate}
            onShow={onShowVersion}
          />
        ),
      )}
      {turn && <LiveTurn turn={turn} onAskAgain={onAskAgain} onDismiss={onDismiss} />}
      <div ref={end} />
    </div>
  );
}

type StoredAnswerProps = {
  message: StoredMessage;
  /** The question it answers, when shown just before it. */
  question: StoredMessage | null;
  /** The last answer of the conversation: the one that can be regenerated. */
  last: boolean;
  busy: boolean;
  steps: string[] | undefined;
  onRegenerate: (answer: StoredMessage, question: StoredMessage) => void;
  onShow: (messageId: string) => void;
};

const StoredAnswer = memo(function StoredAnswer({ message, question, last, busy, steps, onRegenerate, onShow }: StoredAnswerProps) {
  const canRegenerate = last && question != null && message.status !== 'streaming';
  return (
    <article className="message assistant" aria-label="Answer">
      {steps && <Steps steps={steps} />}
      <Answer messageId={message.id} text={message.content} citations={message.citations ?? NO_CITATIONS} rateable={message.status === 'complete'} />
      {message.status === 'interrupted' && <p className="badge warn">Stopped before the end</p>}
      {message.status === 'failed' && <p className="badge error">This answer failed before it was finished</p>}
      {message.status === 'streaming' && <p className="badge">Still being written…</p>}
      <div className="message-tools">
        <VersionSwitcher of="answer" siblingIds={message.siblingIds} index={message.siblingIndex} disabled={busy} onShow={onShow} />
        {canRegenerate && (
          <button type="button" className="button ghost small" disabled={busy} onClick={() => onRegenerate(message, question)}>
            Regenerate
          </button>
        )}
      </div>
    </article>
  );
});
const NO_CITATIONS: Citation[] = [];

function LiveTurn({ turn, onAskAgain, onDismiss }: { turn: Turn; onAskAgain: (question: string, fork: Fork | null) => void; onDismiss: () => void }) {
  const step = turn.steps.at(-1);
  const working = turn.phase === 'sending' || turn.phase === 'streaming' || turn.phase === 'stopping';
  const askAgain = (
    <span className="notice-actions">
      <button type="button" className="button small" onClick={() => onAskAgain(turn.question, turn.fork)}>
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
