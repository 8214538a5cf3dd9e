import { useState } from 'react';
import { formatWhen } from '@/components/format';
import { Markdown } from '@/components/markdown';
import { Loading, Notice } from '@/components/notice';
import { SelectField } from '@/components/select-field';
import { describeError } from '@/lib/api/errors';
import type { RatedAnswer } from '@/lib/api/types';
import { useFeedback, type FeedbackFilters } from '../api/insights';

const RATINGS = [
  { value: '', label: 'Up and down' },
  { value: 'down', label: 'Rated down' },
  { value: 'up', label: 'Rated up' },
] as const;

const ENDINGS: Record<string, string> = { complete: 'Complete', stopped: 'Stopped by the asker', interrupted: 'Interrupted', failed: 'Failed' };

/** Feedback: the answers people rated, each with the question it answered and nothing else of the conversation. */
export function FeedbackPage() {
  const [filters, setFilters] = useState<FeedbackFilters>({ rating: 'down' });
  const feedback = useFeedback(filters);
  const items = feedback.data?.pages.flatMap((page) => page.items) ?? [];
  const set = (change: Partial<FeedbackFilters>) => setFilters((current) => ({ ...current, ...change }));

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Feedback</h1>
          <p className="muted">Answers people rated, with the question each one answered: where the documents or the assistant fall short.</p>
        </div>
      </header>
      <section className="card" aria-labelledby="feedback-title">
        <h2 id="feedback-title">Rated answers</h2>
        <div className="filters">
          <SelectField label="Rating" options={RATINGS} value={filters.rating ?? ''} onChange={(e) => set({ rating: (e.target.value || undefined) as FeedbackFilters['rating'] })} />
          <label className="field">
            <span>Rated from</span>
            <input type="date" value={filters.from ?? ''} max={filters.to} onChange={(e) => set({ from: e.target.value || undefined })} />
          </label>
          <label className="field">
            <span>Rated until</span>
            <input type="date" value={filters.to ?? ''} min={filters.from} onChange={(e) => set({ to: e.target.value || undefined })} />
          </label>
        </div>
        {feedback.isPending && <Loading label="Loading feedback…" />}
        {feedback.isError && (
          <Notice
            action={
              <button type="button" className="button small" onClick={() => void feedback.refetch()}>
                Try again
              </button>
            }
          >
            Could not load the feedback. {describeError(feedback.error)}
          </Notice>
        )}
        {feedback.isSuccess && items.length === 0 && <p className="muted">No rated answers match.</p>}
        {items.length > 0 && (
          <ol className="rated-list">
            {items.map((item) => (
              <RatedAnswerItem key={item.assistantMessageId} item={item} />
            ))}
          </ol>
        )}
        {feedback.hasNextPage && (
          <button type="button" className="button" onClick={() => void feedback.fetchNextPage()} disabled={feedback.isFetchingNextPage}>
            {feedback.isFetchingNextPage ? 'Loading…' : 'Show more'}
          </button>
        )}
      </section>
    </div>
  );
}

function RatedAnswerItem({ item }: { item: RatedAnswer }) {
  const headingId = `rated-${item.assistantMessageId}`;
  return (
    <li>
      <article className="rated" aria-labelledby={headingId}>
        <header className="rated-header">
          <span className={`badge ${item.rating === 'down' ? 'error' : 'success'}`}>{item.rating === 'down' ? 'Rated down' : 'Rated up'}</span>
          <span className="muted small">
            {item.department.name} · rated {formatWhen(item.ratedAt)}
            {item.ending && item.ending !== 'complete' ? ` · ${ENDINGS[item.ending] ?? item.ending}` : ''}
          </span>
        </header>
        <h3 id={headingId} className="rated-question">
          {item.question}
        </h3>
        <div className="rated-answer">
          <Markdown>{item.answer || '(no answer text)'}</Markdown>
        </div>
        {item.comment && (
          <blockquote className="rated-comment">
            <span className="visually-hidden">Comment: </span>
            {item.comment}
          </blockquote>
        )}
        {item.citations.length > 0 && (
          <details className="rated-sources">
            <summary>{item.citations.length === 1 ? '1 source' : `${item.citations.length} sources`}</summary>
            <ol>
              {item.citations.map((citation) => (
                <li key={citation.n}>
                  <strong>
                    [{citation.n}] {citation.filename}
                  </strong>
                  {citation.page != null && <span className="muted small"> · page {citation.page}</span>}
                  <p className="snippet">{citation.snippet}</p>
                </li>
              ))}
            </ol>
          </details>
        )}
      </article>
    </li>
  );
}
