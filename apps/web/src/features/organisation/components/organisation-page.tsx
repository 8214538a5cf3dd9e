import { Loading, Notice } from '@/components/notice';
import { describeError } from '@/lib/api/errors';
import { useCurrentUser } from '@/lib/auth/use-session';
import { useDepartments } from '../api/organisation';
import { managedBy } from '../managed-departments';
import { Departments } from './departments';
import { Users } from './users';

/** The organisation: its department tree and its people. */
export function OrganisationPage() {
  const departments = useDepartments();
  const user = useCurrentUser();
  // Everyone sees the whole tree; a department admin manages only their own department's subtree.
  const managed = departments.data ? managedBy(user, departments.data) : [];
  const organisationAdmin = user.role === 'admin';
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Organisation</h1>
          <p className="muted">
            Departments decide which documents people can read: a department’s documents are read there and in every department below it.
            {!organisationAdmin && ` You manage ${user.department.name} and the departments below it.`}
          </p>
        </div>
      </header>
      {departments.isPending && <Loading label="Loading…" />}
      {departments.isError && <Notice>Could not load the organisation. {describeError(departments.error)}</Notice>}
      {departments.data && (
        <div className="two-columns">
          <Departments departments={departments.data} managed={managed} organisationAdmin={organisationAdmin} />
          <Users managed={managed} organisationAdmin={organisationAdmin} />
        </div>
      )}
    </div>
  );
}
