import { useId, useState } from 'react';
import { DocumentPicker, useFileDrop } from '@/components/file-drop';
import { formatBytes } from '@/components/format';
import { UploadIcon } from '@/components/icons';
import { departmentOptions, SelectField } from '@/components/select-field';
import type { Department } from '@/lib/api/types';
import { useUploads, type UploadItem } from '../hooks/use-uploads';
import { FileStatus } from './file-status';

type Visibility = 'department' | 'organization';
const VISIBILITIES: Array<{ value: Visibility; label: string }> = [
  { value: 'department', label: 'The department and those below it' },
  { value: 'organization', label: 'Everyone in the organisation' },
];

/** Drag and drop or pick files; each shows its upload and then its ingestion as it happens. */
export function UploadPanel({ departments, defaultDepartmentId }: { departments: Department[]; defaultDepartmentId: string }) {
  const { items, start, clearFinished } = useUploads();
  const [departmentId, setDepartmentId] = useState(defaultDepartmentId);
  const [visibility, setVisibility] = useState<Visibility>('department');
  const inputId = useId();

  const take = (files: FileList | null) => {
    if (files?.length) start([...files], departmentId, visibility);
  };
  const { over, dropHandlers } = useFileDrop(take);

  return (
    <section className="card" aria-labelledby="upload-title">
      <h2 id="upload-title">Add documents</h2>
      <div className="upload-options">
        <SelectField label="Department" options={departmentOptions(departments)} value={departmentId} onChange={(e) => setDepartmentId(e.target.value)} />
        <SelectField label="Who can read them" options={VISIBILITIES} value={visibility} onChange={(e) => setVisibility(e.target.value as Visibility)} />
      </div>
      <div className={`dropzone${over ? ' over' : ''}`} {...dropHandlers}>
        <UploadIcon />
        <p className="muted">Drag PDF, Word (DOCX), Markdown, HTML or text files here, or</p>
        <DocumentPicker id={inputId} onFiles={take} />
        <label htmlFor={inputId} className="button primary">
          Upload files
        </label>
      </div>
      {items.length > 0 && (
        <>
          <ul className="upload-list" aria-label="Uploads">
            {items.map((item) => (
              <UploadRow key={item.key} item={item} />
            ))}
          </ul>
          <button type="button" className="button ghost small" onClick={clearFinished}>
            Clear finished
          </button>
        </>
      )}
    </section>
  );
}

function UploadRow({ item }: { item: UploadItem }) {
  return (
    <li className="upload-item" aria-label={item.name}>
      <span className="truncate">
        <strong>{item.name}</strong> <span className="muted small">{formatBytes(item.size)}</span>
      </span>
      <span role="status">
        {item.phase === 'uploading' && <span className="status uploading">Uploading · {Math.round(item.sent * 100)}%</span>}
        {item.phase === 'ingesting' && item.file && <FileStatus file={item.file} />}
        {item.phase === 'ready' && <span className="status ready">Ready</span>}
        {item.phase === 'duplicate' && <span className="status ready">Duplicate</span>}
        {item.phase === 'failed' && <span className="status failed">Failed</span>}
        {item.phase === 'refused' && <span className="status failed">Refused</span>}
      </span>
      {item.phase === 'uploading' && <progress value={item.sent} max={1} aria-label={`Upload of ${item.name}`} />}
      {item.phase === 'ingesting' && item.file?.status === 'processing' && <progress value={item.file.progress ?? 0} max={1} aria-label={`Ingestion of ${item.name}`} />}
      {item.message && <span className={item.phase === 'duplicate' ? 'muted small' : 'field-error'}>{item.message}</span>}
    </li>
  );
}
