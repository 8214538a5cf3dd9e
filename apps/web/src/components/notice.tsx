import type { ReactNode } from 'react';

/** A message where the thing happened; errors are announced to screen readers at once. */
export function Notice({ kind = 'error', children, action }: { kind?: 'error' | 'info' | 'success'; children: ReactNode; action?: ReactNode }) {
  return (
    <div className={`notice ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <span>{children}</span>
      {action}
    </div>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}
