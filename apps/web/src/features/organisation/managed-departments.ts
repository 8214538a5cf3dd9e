import type { Department } from '@/lib/api/types';
import type { SessionUser } from '@/lib/auth/session';

/**
 * The departments this person may manage, in tree order (parents before children, siblings by
 * name): every one for an organisation admin, their own department and everything below it for a
 * department admin, none for a member. The server decides each request; this only keeps the
 * page from offering what it would refuse.
 */
export function managedBy(user: Pick<SessionUser, 'role' | 'department'>, departments: Department[]): Department[] {
  const children = new Map<string | null, Department[]>();
  for (const department of departments) {
    const siblings = children.get(department.parentId ?? null) ?? [];
    siblings.push(department);
    children.set(department.parentId ?? null, siblings);
  }
  const below = (parentId: string | null): Department[] => (children.get(parentId) ?? []).sort((a, b) => a.name.localeCompare(b.name)).flatMap((d) => [d, ...below(d.id)]);
  if (user.role === 'admin') return below(null);
  if (user.role !== 'department_admin') return [];
  const own = departments.find((d) => d.id === user.department.id);
  return own ? [own, ...below(own.id)] : [];
}
