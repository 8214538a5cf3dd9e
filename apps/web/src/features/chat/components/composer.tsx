import { memo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { StopIcon } from '@/components/icons';
import { formatCount } from '@/components/format';
import type { ChatFilters } from '@/lib/api/types';
import { ScopePicker } from './scope-picker';

export const MESSAGE_LIMIT = 8000;

type Props = {
  streaming: boolean;
  stopping: boolean;
  blocked: boolean;
  onSend: (message: string, filters: ChatFilters | undefined) => boolean | void;
  onStop: () => void;
};

/** The question box: Enter sends, Shift+Enter starts a new line, and the limit is counted. */
export const Composer = memo(function Composer({ streaming, stopping, blocked, onSend, onStop }: Props) {
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<ChatFilters | undefined>(undefined);
  const length = text.length;
  const tooLong = length > MESSAGE_LIMIT;
  const canSend = text.trim().length > 0 && !tooLong && !streaming && !blocked;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    if (onSend(text.trim(), filters) !== false) setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="composer" onSubmit={submit}>
      <ScopePicker value={filters} onChange={setFilters} />
      <div className={`composer-box${tooLong ? ' invalid' : ''}`}>
        <label htmlFor="composer-message" className="visually-hidden">
          Message
        </label>
        <textarea
          id="composer-message"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Ask a question about your documents…"
          rows={2}
          aria-describedby="composer-count composer-hint"
          aria-invalid={tooLong || undefined}
        />
        <div className="composer-actions">
          <span id="composer-hint" className="muted small hide-narrow">
            Enter to send · Shift+Enter for a new line
          </span>
          <span id="composer-count" className={`small counter${tooLong ? ' over' : ''}`} aria-live={tooLong ? 'polite' : 'off'}>
            {formatCount(length)} / {formatCount(MESSAGE_LIMIT)}
            {tooLong && <span className="visually-hidden"> characters: too long to send</span>}
          </span>
          {streaming ? (
            <button type="button" className="button danger" onClick={onStop} disabled={stopping}>
              <StopIcon />
              Stop
            </button>
          ) : (
            <button type="submit" className="button primary" disabled={!canSend}>
              Send
            </button>
          )}
        </div>
      </div>
      {tooLong && (
        <p className="field-error" role="alert">
          Messages can be at most {formatCount(MESSAGE_LIMIT)} characters; this one has {formatCount(length)}.
        </p>
      )}
    </form>
  );
});
