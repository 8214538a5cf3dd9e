import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Loading, Notice } from '@/components/notice';
import { describeError } from '@/lib/api/errors';
import { isAdmin, useCurrentUser } from '@/lib/auth/use-session';
import { useDepartments, useReembed } from '../api/files';
import { FileTable } from './file-table';
import { UploadPanel } from './upload-panel';

/** Files: everyone browses what they may read; admins upload, reindex, delete and re-embed. */
export function FilesPage() {
  const user = useCurrentUser();
  const admin = isAdmin(user);
  const departments = useDepartments();
  const reembed = useReembed();
  const [confirming, setConfirming] = useState(false);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Files</h1>
          <p className="muted">{admin ? 'The documents answers are drawn from, and their ingestion.' : 'The documents your answers can draw from.'}</p>
        </div>
        {user.role === 'admin' && (
          <button type="button" className="button" onClick={() => setConfirming(true)} disabled={reembed.isPending}>
            Re-embed all files
          </button>
        )}
      </header>
      {reembed.isSuccess && <Notice kind="success">Re-embedding has started; files keep answering from full-text search meanwhile.</Notice>}
      {reembed.isError && <Notice>Could not start re-embedding: {describeError(reembed.error)}</Notice>}
      {departments.isPending && <Loading label="Loading…" />}
      {departments.isError && <Notice>Could not load the departments. {describeError(departments.error)}</Notice>}
      {departments.data && (
        <>
          {admin && <UploadPanel departments={departments.data} defaultDepartmentId={user.department.id} />}
          <FileTable departments={departments.data} manage={admin} />
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title="Re-embed every file?"
        confirmLabel="Start re-embedding"
        busy={reembed.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => reembed.mutate(undefined, { onSettled: () => setConfirming(false) })}
      >
        <p>Every file’s vectors are rebuilt with the current embedding model. Use it after changing the model; it takes a while on a large corpus.</p>
      </ConfirmDialog>
    </div>
  );
}
