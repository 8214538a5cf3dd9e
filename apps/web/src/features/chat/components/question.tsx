import { memo, useState, type FormEvent } from 'react';
import type { StoredMessage } from '@/lib/api/types';
import { VersionSwitcher } from './version-switcher';

const MESSAGE_LIMIT = 8000;

/** A question as asked. */
export const Question = memo(function Question({ text }: { text: string }) {
  return (
    <div className="message user">
      <p className="visually-hidden">You asked:</p>
      <p className="question-text">{text}</p>
    </div>
  );
});

type StoredProps = {
  message: StoredMessage;
  /** While an answer streams or a version is being switched to, nothing else may start. */
  busy: boolean;
  onEdit: (message: StoredMessage, text: string) => void;
  onShow: (messageId: string) => void;
};

/** A stored question: Edit asks it again as edited, on a new branch; its versions switch. */
export const StoredQuestion = memo(function StoredQuestion({ message, busy, onEdit, onShow }: StoredProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const trimmed = draft?.trim() ?? '';
  const canSend = trimmed.length > 0 && trimmed.length <= MESSAGE_LIMIT && trimmed !== message.content && !busy;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!canSend) return;
    setDraft(null);
    onEdit(message, trimmed);
  };

  if (draft !== null) {
    return (
      <form className="message user question-editor" onSubmit={submit}>
        <label htmlFor={`edit-${message.id}`} className="visually-hidden">
          Edit your question
        </label>
        <textarea id={`edit-${message.id}`} className="input" value={draft} rows={3} autoFocus onChange={(event) => setDraft(event.target.value)} />
        <div className="question-actions">
          <button type="button" className="button ghost small" onClick={() => setDraft(null)}>
            Cancel
          </button>
          <button type="submit" className="button primary small" disabled={!canSend}>
            Send edited question
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="stored-question">
      <Question text={message.content} />
      <div className="message-tools">
        <VersionSwitcher of="question" siblingIds={message.siblingIds} index={message.siblingIndex} disabled={busy} onShow={onShow} />
        <button type="button" className="button ghost small" disabled={busy} onClick={() => setDraft(message.content)}>
          Edit
        </button>
      </div>
    </div>
  );
});
