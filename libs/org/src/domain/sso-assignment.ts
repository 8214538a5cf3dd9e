import type { Department } from './department';
import type { UserRole } from './user';

/** One rule of the configured mapping (OIDC_GROUP_MAPPING): a group value and what it grants. */
export interface GroupRule {
  group: string;
  /** A department's id, or its path of names from the top joined by `/` (names compared ignoring case). */
  department?: string;
  role?: UserRole;
}

export interface SsoAssignment {
  departmentId: string;
  role: UserRole;
}

const strength: Record<UserRole, number> = { member: 0, department_admin: 1, admin: 2 };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where someone's groups put them, applied at every sign-in: the department of the first rule
 * (in the mapping's order) that matches one of their groups and names a department, and the
 * strongest role any matching rule grants (`member` when none does). Null when no matching rule
 * names a department that exists: such a person is refused, never given a default.
 */
export function assignmentFor(groups: readonly string[], rules: readonly GroupRule[], departments: readonly Department[]): SsoAssignment | null {
  const held = new Set(groups);
  const matching = rules.filter((rule) => held.has(rule.group));
  const departmentId = matching.map((rule) => (rule.department === undefined ? null : resolve(rule.department, departments))).find((id) => id != null);
  if (!departmentId) return null;
  const role = matching.reduce<UserRole>((best, rule) => (rule.role && strength[rule.role] > strength[best] ? rule.role : best), 'member');
  return { departmentId, role };
}

/** The department a rule names, by id or by its path of names; null when there is none. */
export function resolve(reference: string, departments: readonly Department[]): string | null {
  if (uuid.test(reference)) return departments.find((d) => d.id.toLowerCase() === reference.toLowerCase())?.id ?? null;
  let parentId: string | null = null;
  for (const name of reference.split('/').map((part) => part.trim().toLowerCase())) {
    const next = departments.find((d) => d.parentId === parentId && d.name.toLowerCase() === name);
    if (!next) return null;
    parentId = next.id;
  }
  return parentId;
}

/** The claim's value as group names: a list of strings, or one string. */
export function groupsOf(claims: Record<string, unknown>, claimPath: string): string[] {
  let value: unknown = claims;
  for (const key of claimPath.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
