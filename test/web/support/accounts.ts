import { product } from './product';

export type Account = { email: string; password: string; displayName: string; accessToken: string };

/** A JSON call to the API at `origin`, as a script would make it (not through the page). */
export async function call<T>(origin: string, method: string, path: string, body?: unknown, accessToken?: string): Promise<T> {
  const response = await fetch(`${origin}/api/v1${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * A member of its own, made for one test through the admin API, so what the test does to it
 * (rate windows, conversations) touches nobody else's.
 */
export async function createMember(name: string, department = 'Engineering'): Promise<Account> {
  const origin = product.baseUrl;
  const admin = await call<{ accessToken: string }>(origin, 'POST', '/auth/login', { email: product.admin.email, password: product.admin.password });
  const departments = await call<Array<{ id: string; name: string }>>(origin, 'GET', '/org/departments', undefined, admin.accessToken);
  const departmentId = departments.find((d) => d.name === department)?.id;
  if (!departmentId) throw new Error(`no department ${department}`);
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const account = { email: `${name.toLowerCase()}-${tag}@example.org`, password: `${name} has a long password`, displayName: `${name} ${tag}` };
  await call(origin, 'POST', '/org/users', { ...account, role: 'member', departmentId }, admin.accessToken);
  const { accessToken } = await call<{ accessToken: string }>(origin, 'POST', '/auth/login', { email: account.email, password: account.password });
  return { ...account, accessToken };
}
