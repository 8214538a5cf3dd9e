import { useId, useMemo, useState } from 'react';
import type { ChatFilters } from '@/lib/api/types';
import { useScopeOptions } from '../api/scope-options';

type Props = { value: ChatFilters | undefined; onChange: (filters: ChatFilters | undefined) => void };

/** Narrows the next questions to chosen departments or files (POST /chat `filters`). */
export function ScopePicker({ value, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const { departments, files } = useScopeOptions(open || value != null);
  const panelId = useId();
  const fileIds = value?.fileIds ?? [];
  const departmentIds = value?.departmentIds ?? [];

  const toggle = (kind: 'fileIds' | 'departmentIds', id: string) => {
    const current = kind === 'fileIds' ? fileIds : departmentIds;
    const next = current.includes(id) ? current.filter((x) => x !== id) : [...current, id];
    const merged = { ...value, [kind]: next };
    // An empty list is a 400 on the server, and means "no filter" here.
    const cleaned: ChatFilters = {};
    if (merged.fileIds?.length) cleaned.fileIds = merged.fileIds;
    if (merged.departmentIds?.length) cleaned.departmentIds = merged.departmentIds;
    onChange(cleaned.fileIds || cleaned.departmentIds ? cleaned : undefined);
  };

  const visibleFiles = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (files.data?.items ?? []).filter((file) => !needle || file.filename.toLowerCase().includes(needle));
  }, [files.data, search]);

  const names = [
    ...departmentIds.map((id) => departments.data?.find((d) => d.id === id)?.name ?? 'a department'),
    ...fileIds.map((id) => files.data?.items.find((f) => f.id === id)?.filename ?? 'a file'),
  ];

  return (
    <div className="scope">
      <div className="scope-bar">
        <button type="button" className="button ghost small" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          {open ? 'Done choosing sources' : 'Limit sources'}
        </button>
        {names.length > 0 && (
          <span className="scope-summary">
            Only from: {names.join(', ')}
            <button type="button" className="link-button" onClick={() => onChange(undefined)}>
              Clear
            </button>
          </span>
        )}
      </div>
      {open && (
        <div className="scope-panel" id={panelId}>
          <fieldset>
            <legend>Departments</legend>
            {departments.isError && <p className="field-error">Could not load the departments.</p>}
            {(departments.data ?? []).map((d) => (
              <label key={d.id} className="check">
                <input type="checkbox" checked={departmentIds.includes(d.id)} onChange={() => toggle('departmentIds', d.id)} />
                {d.name}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Files</legend>
            <input type="search" className="input small" aria-label="Find a file" placeholder="Find a file…" value={search} onChange={(e) => setSearch(e.target.value)} />
            {files.isError && <p className="field-error">Could not load the files.</p>}
            <div className="scope-files">
              {visibleFiles.map((f) => (
                <label key={f.id} className="check">
                  <input type="checkbox" checked={fileIds.includes(f.id)} onChange={() => toggle('fileIds', f.id)} />
                  <span className="truncate">{f.filename}</span>
                </label>
              ))}
              {files.isSuccess && visibleFiles.length === 0 && <p className="muted small">No ready files match.</p>}
            </div>
          </fieldset>
        </div>
      )}
    </div>
  );
}
