import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Loading, Notice } from '@/components/notice';
import { departmentOptions, SelectField } from '@/components/select-field';
import { describeError } from '@/lib/api/errors';
import type { Department, Role, UserRecord } from '@/lib/api/types';
import { useCurrentUser } from '@/lib/auth/use-session';
import { useCreateUser, useUpdateUser, useUsers } from '../api/organisation';

const ROLES: Array<{ value: Role; label: string }> = [
  { value: 'member', label: 'Member' },
  { value: 'department_admin', label: 'Department administrator' },
  { value: 'admin', label: 'Administrator' },
];

/** The roles this person may give: a department admin never grants (or takes away) `admin`. */
const grantable = (organisationAdmin: boolean) => ROLES.filter((r) => organisationAdmin || r.value !== 'admin');

/**
 * The people this person manages (everyone for an organisation admin; a department admin's
 * subtree, as the server lists it): create, change, disable and enable. Only controls the server
 * would accept are offered: a department admin never edits an admin, nobody disables themselves
 * or changes their own role.
 */
export function Users({ managed, organisationAdmin }: { managed: Department[]; organisationAdmin: boolean }) {
  const me = useCurrentUser();
  const users = useUsers();
  const update = useUpdateUser();
  const [editing, setEditing] = useState<string | null>(null);
  const [disabling, setDisabling] = useState<UserRecord | null>(null);
  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="card" aria-labelledby="users-title">
      <h2 id="users-title">People</h2>
      {users.isPending && <Loading label="Loading people…" />}
      {users.isError && <Notice>Could not load the people. {describeError(users.error)}</Notice>}
      {update.isError && <Notice>Could not save the change: {describeError(update.error)}</Notice>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Department</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((user) =>
                editing === user.id ? (
                  <tr key={user.id}>
                    <td colSpan={5}>
                      <EditUser user={user} departments={managed} roles={grantable(organisationAdmin)} self={user.id === me.id} onDone={() => setEditing(null)} />
                    </td>
                  </tr>
                ) : (
                  <tr key={user.id}>
                    <td>
                      <span className="person">
                        {user.displayName}
                        <span className="muted small">{user.email}</span>
                      </span>
                    </td>
                    <td>{ROLES.find((r) => r.value === user.role)?.label ?? user.role}</td>
                    <td>{user.department.name}</td>
                    <td>{user.disabled ? <span className="badge error">Disabled</span> : <span className="badge success">Active</span>}</td>
                    <td>
                      {(organisationAdmin || user.role !== 'admin') && (
                        <div className="row-actions">
                          <button type="button" className="button ghost small" aria-label={`Edit ${user.displayName}`} onClick={() => setEditing(user.id)}>
                            Edit
                          </button>
                          {user.id === me.id ? null : user.disabled ? (
                            <button type="button" className="button ghost small" aria-label={`Enable ${user.displayName}`} onClick={() => update.mutate({ id: user.id, body: { disabled: false } })}>
                              Enable
                            </button>
                          ) : (
                            <button type="button" className="button ghost small danger-text" aria-label={`Disable ${user.displayName}`} onClick={() => setDisabling(user)}>
                              Disable
                            </button>
                          )}
                        </div>
                      )}
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      {users.hasNextPage && (
        <button type="button" className="button small" onClick={() => void users.fetchNextPage()}>
          Load more
        </button>
      )}
      <CreateUser departments={managed} roles={grantable(organisationAdmin)} />
      <ConfirmDialog
        open={disabling != null}
        title={`Disable ${disabling?.displayName ?? ''}?`}
        confirmLabel="Disable account"
        danger
        busy={update.isPending}
        onCancel={() => setDisabling(null)}
        onConfirm={() => disabling && update.mutate({ id: disabling.id, body: { disabled: true } }, { onSettled: () => setDisabling(null) })}
      >
        <p>They are signed out everywhere at their next request and cannot sign in until enabled again.</p>
      </ConfirmDialog>
    </section>
  );
}

type EditFields = { displayName: string; role: Role; departmentId: string; password: string };

function EditUser({ user, departments, roles, self, onDone }: { user: UserRecord; departments: Department[]; roles: typeof ROLES; self: boolean; onDone: () => void }) {
  const update = useUpdateUser();
  const { register, handleSubmit, formState } = useForm<EditFields>({
    defaultValues: { displayName: user.displayName, role: user.role, departmentId: user.department.id ?? '', password: '' },
  });
  const onSubmit = handleSubmit(async (values) => {
    const body: Record<string, string> = {};
    if (values.displayName.trim() !== user.displayName) body.displayName = values.displayName.trim();
    if (values.role && values.role !== user.role) body.role = values.role;
    if (values.departmentId && values.departmentId !== user.department.id) body.departmentId = values.departmentId;
    if (values.password) body.password = values.password;
    if (Object.keys(body).length === 0) return onDone();
    try {
      await update.mutateAsync({ id: user.id, body });
      onDone();
    } catch {
      // shown below
    }
  });
  return (
    <form onSubmit={onSubmit} aria-label={`Edit ${user.displayName}`}>
      <div className="form-grid">
        <label className="field">
          <span>Display name</span>
          <input {...register('displayName', { required: true, maxLength: 100 })} />
        </label>
        <SelectField label="Role" options={roles} {...register('role')} disabled={self} title={self ? 'Nobody changes their own role' : undefined} />
        <SelectField label="Department" options={departmentOptions(departments)} {...register('departmentId')} />
        <label className="field">
          <span>New password (optional)</span>
          <input type="password" autoComplete="new-password" {...register('password', { minLength: { value: 12, message: 'At least 12 characters.' } })} />
          {formState.errors.password && <span className="field-error">{formState.errors.password.message}</span>}
        </label>
      </div>
      <div className="row-actions" style={{ justifyContent: 'flex-start' }}>
        <button type="submit" className="button primary small" disabled={update.isPending}>
          Save changes
        </button>
        <button type="button" className="button ghost small" onClick={onDone}>
          Cancel
        </button>
      </div>
      {update.isError && <Notice>{describeError(update.error)}</Notice>}
    </form>
  );
}

type CreateFields = { email: string; displayName: string; password: string; role: Role; departmentId: string };

function CreateUser({ departments, roles }: { departments: Department[]; roles: typeof ROLES }) {
  const create = useCreateUser();
  const { register, handleSubmit, reset, formState } = useForm<CreateFields>({ defaultValues: { email: '', displayName: '', password: '', role: 'member', departmentId: departments[0]?.id ?? '' } });
  const onSubmit = handleSubmit(async (values) => {
    try {
      await create.mutateAsync({ ...values, email: values.email.trim(), displayName: values.displayName.trim() });
      reset({ email: '', displayName: '', password: '', role: values.role, departmentId: values.departmentId });
    } catch {
      // shown below
    }
  });
  return (
    <form onSubmit={onSubmit} className="stack-form" aria-labelledby="new-user-title" noValidate>
      <h3 id="new-user-title">New person</h3>
      <div className="form-grid">
        <label className="field">
          <span>Email address</span>
          <input type="email" autoComplete="off" {...register('email', { required: 'Enter an email address.' })} aria-invalid={formState.errors.email ? true : undefined} />
          {formState.errors.email && <span className="field-error">{formState.errors.email.message}</span>}
        </label>
        <label className="field">
          <span>Display name</span>
          <input {...register('displayName', { required: 'Enter a name.' })} aria-invalid={formState.errors.displayName ? true : undefined} />
          {formState.errors.displayName && <span className="field-error">{formState.errors.displayName.message}</span>}
        </label>
        <label className="field">
          <span>Initial password</span>
          <input
            type="password"
            autoComplete="new-password"
            {...register('password', { required: 'Set a password.', minLength: { value: 12, message: 'At least 12 characters.' } })}
            aria-invalid={formState.errors.password ? true : undefined}
          />
          {formState.errors.password && <span className="field-error">{formState.errors.password.message}</span>}
        </label>
        <SelectField label="Role" options={roles} {...register('role')} />
        <SelectField label="Department" options={departmentOptions(departments)} {...register('departmentId')} />
      </div>
      <button type="submit" className="button primary" disabled={create.isPending}>
        Create account
      </button>
      {create.isError && <Notice>{describeError(create.error)}</Notice>}
      {create.isSuccess && <Notice kind="success">Account created for {create.data.email}.</Notice>}
    </form>
  );
}
