import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Notice } from '@/components/notice';
import { describeError } from '@/lib/api/errors';
import { useDeleteConversation, useRenameConversation } from '../api/conversations';
import { untitled } from './conversation-list';

/** The open conversation's title, with rename and delete. */
export function ConversationHeader({ id, title }: { id: string; title: string | null }) {
  const navigate = useNavigate();
  const rename = useRenameConversation();
  const remove = useDeleteConversation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [confirming, setConfirming] = useState(false);
  const trimmed = draft.trim();

  const save = async () => {
    if (!trimmed || trimmed.length > 200) return;
    try {
      await rename.mutateAsync({ id, title: trimmed });
      setEditing(false);
    } catch {
      // shown below
    }
  };
  const confirmDelete = async () => {
    try {
      await remove.mutateAsync(id);
      setConfirming(false);
      navigate('/chat', { replace: true });
    } catch {
      setConfirming(false);
    }
  };

  return (
    <header className="conversation-header">
      {editing ? (
        <form
          className="rename-form"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label className="visually-hidden" htmlFor="conversation-title">
            Conversation title
          </label>
          <input
            id="conversation-title"
            className="input"
            value={draft}
            maxLength={200}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
          />
          <button type="submit" className="button primary small" disabled={!trimmed || rename.isPending}>
            Save
          </button>
          <button type="button" className="button ghost small" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <h1 className="conversation-title truncate">{title ?? untitled}</h1>
          <div className="header-actions">
            <button
              type="button"
              className="button ghost small"
              onClick={() => {
                setDraft(title ?? '');
                setEditing(true);
              }}
            >
              Rename
            </button>
            <button type="button" className="button ghost small danger-text" onClick={() => setConfirming(true)}>
              Delete
            </button>
          </div>
        </>
      )}
      {rename.isError && <Notice>Could not rename: {describeError(rename.error)}</Notice>}
      {remove.isError && <Notice>Could not delete: {describeError(remove.error)}</Notice>}
      <ConfirmDialog
        open={confirming}
        title="Delete this conversation?"
        confirmLabel="Delete conversation"
        danger
        busy={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setConfirming(false)}
      >
        <p>“{title ?? untitled}” and all its messages will be deleted. This cannot be undone.</p>
      </ConfirmDialog>
    </header>
  );
}
