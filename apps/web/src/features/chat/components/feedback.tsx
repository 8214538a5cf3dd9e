import { useState } from 'react';
import { ThumbDownIcon, ThumbUpIcon } from '@/components/icons';
import { describeError } from '@/lib/api/errors';
import { giveFeedback } from '../api/chat';

type Rating = 'up' | 'down';

/** Thumbs up or down on an answer, then an optional comment. */
export function Feedback({ messageId }: { messageId: string }) {
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'commented'>('idle');
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (next: Rating, withComment?: string) => {
    setProblem(null);
    setState('saving');
    try {
      await giveFeedback(messageId, { rating: next, ...(withComment ? { comment: withComment } : {}) });
      setState(withComment ? 'commented' : 'saved');
    } catch (error) {
      setProblem(describeError(error));
      setState('idle');
    }
  };
  const rate = (next: Rating) => {
    setRating(next);
    void save(next);
  };

  return (
    <div className="feedback">
      <div className="feedback-buttons" role="group" aria-label="Rate this answer">
        <button type="button" className="icon-button" aria-pressed={rating === 'up'} aria-label="Good answer" title="Good answer" onClick={() => rate('up')}>
          <ThumbUpIcon />
        </button>
        <button type="button" className="icon-button" aria-pressed={rating === 'down'} aria-label="Bad answer" title="Bad answer" onClick={() => rate('down')}>
          <ThumbDownIcon />
        </button>
        {state === 'saved' && (
          <span className="muted small" role="status">
            Thanks for the feedback.
          </span>
        )}
        {state === 'commented' && (
          <span className="muted small" role="status">
            Comment sent. Thank you.
          </span>
        )}
      </div>
      {rating && state !== 'commented' && (
        <form
          className="feedback-comment"
          onSubmit={(event) => {
            event.preventDefault();
            if (comment.trim()) void save(rating, comment.trim());
          }}
        >
          <label className="visually-hidden" htmlFor={`comment-${messageId}`}>
            Comment on this answer (optional)
          </label>
          <input id={`comment-${messageId}`} className="input small" placeholder="Add a comment (optional)" maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
          <button type="submit" className="button small" disabled={!comment.trim() || state === 'saving'}>
            Send comment
          </button>
        </form>
      )}
      {problem && (
        <p className="field-error" role="alert">
          Feedback was not saved: {problem}
        </p>
      )}
    </div>
  );
}
