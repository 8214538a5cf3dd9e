import { useId, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { DocumentPicker, useFileDrop } from '@/components/file-drop';
import { formatBytes } from '@/components/format';
import { describeError } from '@/lib/api/errors';
import type { Attachment } from '@/lib/api/types';
import { attachFile, startConversation } from '../api/attachments';
import { conversationKeys } from '../api/conversations';

function statusOf(attachment: Attachment): string {
  if (attachment.status === 'ready') return 'Ready';
  if (attachment.status === 'failed') return `Could not be read${attachment.error ? `: ${attachment.error.message}` : ''}`;
  if (attachment.status === 'processing') return `Reading… ${Math.round(attachment.progress * 100)}%`;
  return 'Waiting to be read';
}

/** The conversation's attachments, each with its ingestion status; file names are rendered as text. */
export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="attachment-list" aria-label="Attachments">
      {attachments.map((attachment) => (
        <li key={attachment.id} className={`attachment ${attachment.status}`}>
          <span className="attachment-name">{attachment.filename}</span>
          <span className="muted small"> · {formatBytes(attachment.sizeBytes)} · </span>
          <span className="small" role="status">
            {statusOf(attachment)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The attach button and a drop zone around `children` (the question box). A new chat gets its
 * conversation first, since an attachment belongs to one; `onConversation` moves the page to it.
 */
export function AttachDropZone({ conversationId, onConversation, children }: { conversationId: string | null; onConversation: (id: string) => void; children: ReactNode }) {
  const queries = useQueryClient();
  const inputId = useId();
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(0);

  const take = async (files: FileList | null) => {
    // Copied before anything is awaited: clearing the input empties its FileList.
    const picked = [...(files ?? [])];
    if (!picked.length) return;
    setError(null);
    let id = conversationId;
    try {
      if (!id) {
        id = (await startConversation()).id;
        onConversation(id);
      }
      for (const file of picked) {
        setSending((n) => n + 1);
        try {
          await attachFile(id, file);
        } finally {
          setSending((n) => n - 1);
        }
      }
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      if (id) await Promise.all([queries.invalidateQueries({ queryKey: conversationKeys.one(id) }), queries.invalidateQueries({ queryKey: conversationKeys.list })]);
    }
  };
  const { over, dropHandlers } = useFileDrop((files) => void take(files));

  return (
    <div className={`attach-zone${over ? ' over' : ''}`} {...dropHandlers}>
      {children}
      <div className="attach-actions">
        <DocumentPicker id={inputId} onFiles={(files) => void take(files)} />
        <label htmlFor={inputId} className="button ghost small">
          Attach a file
        </label>
        {sending > 0 && <span className="muted small">Uploading…</span>}
        {over && <span className="muted small">Drop to attach to this conversation</span>}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
