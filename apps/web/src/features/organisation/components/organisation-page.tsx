import { Loading, Notice } from '@/components/notice';
import { describeError } from '@/lib/api/errors';
import { useDepartments } from '../api/organisation';
import { Departments } from './departments';
import { Users } from './users';

/** The organisation: its department tree and its people. */
export function OrganisationPage() {
  const departments = useDepartments();
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Organisation</h1>
          <p className="muted">Departments decide which documents people can read.</p>
        </div>
      </header>
      {departments.isPending && <Loading label="Loading…" />}
      {departments.isError && <Notice>Could not load the organisation. {describeError(departments.error)}</Notice>}
      {departments.data && (
        <div className="two-columns">
          <Departments departments={departments.data} />
          <Users departments={departments.data} />
        </div>
      )}
    </div>
  );
}
