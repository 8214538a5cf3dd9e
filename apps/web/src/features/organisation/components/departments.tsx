import { useForm } from 'react-hook-form';
import { Notice } from '@/components/notice';
import { describeError } from '@/lib/api/errors';
import type { Department } from '@/lib/api/types';
import { useCreateDepartment } from '../api/organisation';

type Node = Department & { children: Node[] };

function tree(departments: Department[]): Node[] {
  const nodes = new Map(departments.map((d) => [d.id, { ...d, children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: Node[]) => list.sort((a, b) => a.name.localeCompare(b.name)).forEach((n) => sort(n.children));
  sort(roots);
  return roots;
}

/**
 * The department tree, and a form to add a department: anywhere for an organisation admin, only
 * inside their subtree for a department admin (who may not create a top-level one).
 */
export function Departments({ departments, managed, organisationAdmin }: { departments: Department[]; managed: Department[]; organisationAdmin: boolean }) {
  const create = useCreateDepartment();
  const { register, handleSubmit, reset, formState } = useForm<{ name: string; parentId: string }>({ defaultValues: { name: '', parentId: organisationAdmin ? '' : (managed[0]?.id ?? '') } });
  const onSubmit = handleSubmit(async ({ name, parentId }) => {
    try {
      await create.mutateAsync({ name: name.trim(), ...(parentId ? { parentId } : {}) });
      reset({ name: '', parentId });
    } catch {
      // shown below
    }
  });
  const render = (nodes: Node[]) => (
    <ul className="tree">
      {nodes.map((n) => (
        <li key={n.id}>
          {n.name}
          {n.children.length > 0 && render(n.children)}
        </li>
      ))}
    </ul>
  );
  return (
    <section className="card" aria-labelledby="departments-title">
      <h2 id="departments-title">Departments</h2>
      {render(tree(departments))}
      <form onSubmit={onSubmit} className="stack-form">
        <h3>New department</h3>
        <label className="field">
          <span>Name</span>
          <input
            {...register('name', { required: 'Give the department a name.', validate: (v) => v.trim().length > 0 || 'Give the department a name.' })}
            aria-invalid={formState.errors.name ? true : undefined}
          />
          {formState.errors.name && <span className="field-error">{formState.errors.name.message}</span>}
        </label>
        <label className="field">
          <span>Inside</span>
          <select {...register('parentId', { validate: (v) => organisationAdmin || v !== '' || 'Choose a department you manage.' })}>
            {organisationAdmin && <option value="">(top level)</option>}
            {managed.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          {formState.errors.parentId && <span className="field-error">{formState.errors.parentId.message}</span>}
        </label>
        <button type="submit" className="button primary" disabled={create.isPending}>
          Create department
        </button>
        {create.isError && <Notice>{describeError(create.error)}</Notice>}
        {create.isSuccess && <Notice kind="success">Department created.</Notice>}
      </form>
    </section>
  );
}
