import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { formatBytes, formatWhen } from '@/components/format';
import { FileIcon } from '@/components/icons';
import { Loading, Notice } from '@/components/notice';
import { departmentOptions, SelectField } from '@/components/select-field';
import { describeError } from '@/lib/api/errors';
import type { Department, FileRecord, FileStatus as Status } from '@/lib/api/types';
import { useDeleteFile, useFiles, useReindexFile, type FileFilters } from '../api/files';
import { FileStatus } from './file-status';

const STATUSES: Array<{ value: Status | ''; label: string }> = [
  { value: '', label: 'Any status' },
  { value: 'queued', label: 'Queued' },
  { value: 'processing', label: 'Processing' },
  { value: 'ready', label: 'Ready' },
  { value: 'failed', label: 'Failed' },
];

/** The files the caller may see, filtered by status and department; admins reindex and delete. */
export function FileTable({ departments, manage }: { departments: Department[]; manage: boolean }) {
  const [filters, setFilters] = useState<FileFilters>({});
  const files = useFiles(filters);
  const reindex = useReindexFile();
  const remove = useDeleteFile();
  const [deleting, setDeleting] = useState<FileRecord | null>(null);
  const departmentName = (id: string) => departments.find((d) => d.id === id)?.name ?? '—';
  const rows = files.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="card" aria-labelledby="files-title">
      <h2 id="files-title">Documents</h2>
      <div className="filters">
        <SelectField label="Status" options={STATUSES} value={filters.status ?? ''} onChange={(e) => setFilters({ ...filters, status: (e.target.value || undefined) as Status | undefined })} />
        <SelectField
          label="Department"
          options={[{ value: '', label: 'All I can see' }, ...departmentOptions(departments)]}
          value={filters.departmentId ?? ''}
          onChange={(e) => setFilters({ ...filters, departmentId: e.target.value || undefined })}
        />
      </div>
      {reindex.isError && <Notice>Could not reindex: {describeError(reindex.error)}</Notice>}
      {remove.isError && <Notice>Could not delete: {describeError(remove.error)}</Notice>}
      {files.isPending && <Loading label="Loading files…" />}
      {files.isError && (
        <Notice
          action={
            <button type="button" className="button small" onClick={() => void files.refetch()}>
              Try again
            </button>
          }
        >
          Could not load the files. {describeError(files.error)}
        </Notice>
      )}
      {files.isSuccess && rows.length === 0 && <p className="muted">No files match.</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Department</th>
                <th scope="col">Status</th>
                <th scope="col" className="hide-narrow">
                  Size
                </th>
                <th scope="col" className="hide-narrow">
                  Updated
                </th>
                {manage && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((file) => (
                <tr key={file.id}>
                  <td>
                    <span className="file-name">
                      <FileIcon />
                      <span className="truncate">{file.filename}</span>
                    </span>
                    {file.visibility === 'organization' && <span className="badge">Everyone</span>}
                  </td>
                  <td>{departmentName(file.departmentId)}</td>
                  <td>
                    <FileStatus file={file} />
                  </td>
                  <td className="hide-narrow">{formatBytes(file.sizeBytes)}</td>
                  <td className="hide-narrow">{formatWhen(file.updatedAt)}</td>
                  {manage && (
                    <td>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button ghost small"
                          aria-label={`Reindex ${file.filename}`}
                          disabled={file.status === 'queued' || file.status === 'processing' || reindex.isPending}
                          onClick={() => reindex.mutate(file.id)}
                        >
                          Reindex
                        </button>
                        <button type="button" className="button ghost small danger-text" aria-label={`Delete ${file.filename}`} onClick={() => setDeleting(file)}>
                          Delete
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {files.hasNextPage && (
        <button type="button" className="button small" onClick={() => void files.fetchNextPage()} disabled={files.isFetchingNextPage}>
          {files.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
      <ConfirmDialog
        open={deleting != null}
        title="Delete this file?"
        confirmLabel="Delete file"
        danger
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.id, { onSettled: () => setDeleting(null) });
        }}
      >
        <p>“{deleting?.filename}” will be removed with everything indexed from it. Answers will no longer cite it.</p>
      </ConfirmDialog>
    </section>
  );
}
