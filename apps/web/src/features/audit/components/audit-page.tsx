import { useMemo, useState } from 'react';
import { formatWhen } from '@/components/format';
import { Loading, Notice } from '@/components/notice';
import { describeError } from '@/lib/api/errors';
import type { AuditAction, AuditEntry } from '@/lib/api/types';
import { useAuditEntries, useAuditNames, type AuditFilters } from '../api/audit';

const ACTION_LABELS: Record<AuditAction, string> = {
  'user.created': 'Account created',
  'user.updated': 'Account changed',
  'department.created': 'Department created',
  'department.renamed': 'Department renamed',
  'department.moved': 'Department moved',
  'department.deleted': 'Department deleted',
  'file.uploaded': 'File uploaded',
  'file.reindexed': 'File reindexed',
  'file.deleted': 'File deleted',
  'corpus.reembed_requested': 'Re-embed started',
  'sso.signed_in': 'Single sign-on',
  'sso.refused': 'Single sign-on refused',
};

const ACTIONS = Object.keys(ACTION_LABELS) as AuditAction[];

/** `datetime-local` gives local wall time without a zone; the API takes an instant. */
const toInstant = (local: string) => (local ? new Date(local).toISOString() : undefined);

/**
 * Who changed what, newest first: organisation admins read every entry, department admins those
 * about their departments (the server decides; this page shows what it answers).
 */
export function AuditPage() {
  const [form, setForm] = useState({ action: '', actorId: '', from: '', to: '' });
  const filters: AuditFilters = useMemo(
    () => ({
      ...(form.action ? { action: form.action as AuditAction } : {}),
      ...(form.actorId ? { actorId: form.actorId } : {}),
      ...(form.from ? { from: toInstant(form.from) } : {}),
      ...(form.to ? { to: toInstant(form.to) } : {}),
    }),
    [form],
  );
  const entries = useAuditEntries(filters);
  const { people: users, departments } = useAuditNames();
  const people = useMemo(() => new Map((users.data?.pages.flatMap((p) => p.items) ?? []).map((u) => [u.id, u])), [users.data]);
  const departmentNames = useMemo(() => new Map((departments.data ?? []).map((d) => [d.id, d.name])), [departments.data]);
  const rows = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const invalidRange = Boolean(form.from && form.to && form.from >= form.to);

  const nameOfActor = (entry: AuditEntry) => (entry.actorId === null ? 'Single sign-on' : (people.get(entry.actorId)?.displayName ?? `Account ${entry.actorId.slice(0, 8)}`));
  const nameOfTarget = (entry: AuditEntry) => {
    const detail = entry.detail as Record<string, unknown>;
    if (entry.targetType === 'user') return people.get(entry.targetId)?.displayName ?? (typeof detail.email === 'string' ? detail.email : entry.targetId);
    if (entry.targetType === 'department') return departmentNames.get(entry.targetId) ?? (typeof detail.name === 'string' ? detail.name : entry.targetId);
    if (entry.targetType === 'file') return typeof detail.filename === 'string' ? detail.filename : entry.targetId;
    if (entry.targetType === 'corpus') return 'Every document';
    return typeof detail.email === 'string' ? detail.email : entry.targetId;
  };

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Audit</h1>
          <p className="muted">Every change made by administrators, and every single sign-on, newest first. Entries cannot be changed or removed.</p>
        </div>
      </header>
      <section className="card" aria-labelledby="audit-title">
        <h2 id="audit-title" className="visually-hidden">
          Audit log
        </h2>
        <form className="filters" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
          <label className="field">
            <span>Action</span>
            <select value={form.action} onChange={(e) => setForm({ ...form, action: e.target.value })}>
              <option value="">Every action</option>
              {ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {ACTION_LABELS[action]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Made by</span>
            <select value={form.actorId} onChange={(e) => setForm({ ...form, actorId: e.target.value })}>
              <option value="">Anyone</option>
              {[...people.values()].map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>From</span>
            <input type="datetime-local" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
          </label>
          <label className="field">
            <span>Until</span>
            <input type="datetime-local" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
          </label>
          {(form.action || form.actorId || form.from || form.to) && (
            <button type="button" className="button ghost small" onClick={() => setForm({ action: '', actorId: '', from: '', to: '' })}>
              Clear filters
            </button>
          )}
        </form>
        {invalidRange && <Notice kind="info">“From” is after “Until”: nothing can match.</Notice>}
        {entries.isPending && <Loading label="Loading the audit log…" />}
        {entries.isError && (
          <Notice
            action={
              <button type="button" className="button small" onClick={() => void entries.refetch()}>
                Try again
              </button>
            }
          >
            Could not load the audit log. {describeError(entries.error)}
          </Notice>
        )}
        {entries.isSuccess && rows.length === 0 && <p className="muted">No entries match.</p>}
        {rows.length > 0 && (
          <div className="table-wrap">
            <table aria-label="Audit entries">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Target</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((entry) => (
                  <tr key={entry.id}>
                    <td>
                      <time dateTime={entry.at} title={new Date(entry.at).toLocaleString()}>
                        {formatWhen(entry.at)}
                      </time>
                    </td>
                    <td>{nameOfActor(entry)}</td>
                    <td>{ACTION_LABELS[entry.action] ?? entry.action}</td>
                    <td className="truncate">{nameOfTarget(entry)}</td>
                    <td>
                      <AuditDetail entry={entry} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {entries.hasNextPage && (
          <button type="button" className="button small" disabled={entries.isFetchingNextPage} onClick={() => void entries.fetchNextPage()}>
            {entries.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        )}
      </section>
    </div>
  );
}

/** The entry's detail in words: each changed field from → to, else its fields; the request id to find it in the logs. */
function AuditDetail({ entry }: { entry: AuditEntry }) {
  const detail = entry.detail as Record<string, unknown>;
  const changes = detail.changes && typeof detail.changes === 'object' ? (detail.changes as Record<string, unknown>) : null;
  const parts = changes
    ? Object.entries(changes).map(([field, change]) => {
        const { from, to } = (change ?? {}) as { from?: unknown; to?: unknown };
        return from === undefined && to === undefined ? `${field}: ${text(change)}` : `${field}: ${text(from)} → ${text(to)}`;
      })
    : Object.entries(detail)
        .filter(([field]) => field !== 'changes')
        .map(([field, value]) => `${field}: ${text(value)}`);
  return (
    <span className="audit-detail">
      {parts.length > 0 && <span>{parts.join('; ')}</span>}
      {entry.requestId && <span className="muted small">request {entry.requestId}</span>}
    </span>
  );
}

const text = (value: unknown): string => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));
