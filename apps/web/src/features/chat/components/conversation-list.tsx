import { memo, useEffect, useRef } from 'react';
import { NavLink } from 'react-router';
import { formatWhen } from '@/components/format';
import { Loading, Notice } from '@/components/notice';
import { describeError } from '@/lib/api/errors';
import { useConversations } from '../api/conversations';

export const untitled = 'Untitled conversation';

/**
 * The caller's conversations, newest first; the next page loads as the end scrolls into view.
 * Memoised: the chat beside it renders for every word of an answer, this list need not.
 */
export const ConversationList = memo(function ConversationList({ onPick }: { onPick?: () => void }) {
  const conversations = useConversations();
  const sentinel = useRef<HTMLLIElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = conversations;

  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (conversations.isPending) return <Loading label="Loading conversations…" />;
  if (conversations.isError)
    return (
      <Notice
        action={
          <button type="button" className="button small" onClick={() => void conversations.refetch()}>
            Try again
          </button>
        }
      >
        Could not load your conversations. {describeError(conversations.error)}
      </Notice>
    );
  const items = conversations.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <p className="muted small empty-list">No conversations yet. Ask your first question.</p>;
  return (
    <ul className="conversation-list">
      {items.map((c) => (
        <li key={c.id}>
          <NavLink to={`/chat/${c.id}`} className="conversation-link" onClick={onPick}>
            <span className="truncate">{c.title ?? untitled}</span>
            <span className="muted small">{formatWhen(c.updatedAt)}</span>
          </NavLink>
        </li>
      ))}
      {hasNextPage && (
        <li ref={sentinel}>
          <button type="button" className="button ghost small wide" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
            {isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </li>
      )}
    </ul>
  );
});
