import type { APIRequestContext } from '@playwright/test';
import { expect, expectAccessible, signIn, signInAsAdmin, test } from './support/fixtures';
import { product } from './support/product';

const PAGE_SIZE = 25;

async function adminApi(request: APIRequestContext) {
  const login = await request.post(`${product.baseUrl}/api/v1/auth/login`, { data: { email: product.admin.email, password: product.admin.password } });
  expect(login.ok()).toBe(true);
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const post = async (path: string, data: object) => {
    const response = await request.post(`${product.baseUrl}/api/v1${path}`, { data, headers });
    expect(response.status(), `${path} ${await response.text()}`).toBe(201);
    return (await response.json()) as { id: string };
  };
  const departments = (await (await request.get(`${product.baseUrl}/api/v1/org/departments`, { headers })).json()) as Array<{ id: string; name: string; parentId: string | null }>;
  return { post, engineering: departments.find((d) => d.name === 'Engineering' && d.parentId === null)!.id };
}

/**
 * Research (under Engineering) with a Lab below it, a department admin of Research, and enough
 * changes in the Lab to fill more than one page; Elsewhere is a department outside their subtree.
 */
async function organisation(request: APIRequestContext) {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const api = await adminApi(request);
  const research = await api.post('/org/departments', { name: `Research ${tag}`, parentId: api.engineering });
  const lab = await api.post('/org/departments', { name: `Lab ${tag}`, parentId: research.id });
  const elsewhere = await api.post('/org/departments', { name: `Elsewhere ${tag}` });
  const lead = { email: `lead-${tag}@example.org`, password: 'a long enough password', name: `Lead ${tag}` };
  await api.post('/org/users', { email: lead.email, password: lead.password, displayName: lead.name, role: 'department_admin', departmentId: research.id });
  for (let i = 0; i < PAGE_SIZE; i++) await api.post('/org/departments', { name: `Shelf ${i} ${tag}`, parentId: lab.id });
  return { tag, lead, names: { research: `Research ${tag}`, lab: `Lab ${tag}`, elsewhere: `Elsewhere ${tag}` }, ids: { elsewhere: elsewhere.id } };
}

test.describe('audit', () => {
  // Each builds its organisation through some thirty API calls first.
  test.describe.configure({ timeout: 120_000 });
  test('an admin reads every change, newest first, a page at a time, and filters by action, person and time', async ({ page, request }) => {
    const { tag, lead, names } = await organisation(request);
    await signInAsAdmin(page);
    await page.getByRole('link', { name: 'Audit' }).click();
    await expect(page.getByRole('heading', { name: 'Audit', level: 1 })).toBeVisible();
    const rows = page.getByRole('table', { name: 'Audit entries' }).getByRole('row');
    // Newest first: the last shelf made is the first row (after the header row).
    await expect(rows.nth(1)).toContainText(`Shelf ${PAGE_SIZE - 1} ${tag}`);
    await expect(rows.nth(1)).toContainText('Department created');
    await expect(rows.nth(1)).toContainText('Demo Admin');
    await expect(rows).toHaveCount(PAGE_SIZE + 1);
    await expectAccessible(page, 'audit');

    // The next page follows the first, which stays; Elsewhere and Lab, made before the shelves, are on it.
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows.count()).toBeGreaterThan(PAGE_SIZE + 1);
    await expect(rows.nth(1)).toContainText(`Shelf ${PAGE_SIZE - 1} ${tag}`);
    await expect(rows.filter({ hasText: names.elsewhere })).toHaveCount(1);
    await expect(rows.filter({ hasText: names.lab })).toHaveCount(1);

    await page.getByLabel('Action').selectOption({ label: 'Account created' });
    await expect(rows.nth(1)).toContainText(lead.name);
    // Past the header row, every row is one of those.
    for (const text of (await rows.allInnerTexts()).slice(1)) expect(text).toContain('Account created');

    await page.getByLabel('Action').selectOption({ label: 'Every action' });
    await page.getByLabel('Made by').selectOption({ label: 'Demo Admin' });
    await expect(rows.nth(1)).toContainText(`Shelf ${PAGE_SIZE - 1} ${tag}`);
    await page.getByLabel('Made by').selectOption({ label: lead.name });
    await expect(page.getByText('No entries match.')).toBeVisible();

    // Nothing happened after a moment from now.
    await page.getByLabel('Made by').selectOption({ label: 'Anyone' });
    const soon = new Date(Date.now() + 60 * 60_000);
    const local = new Date(soon.getTime() - soon.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('From').fill(local);
    await expect(page.getByText('No entries match.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(rows.nth(1)).toContainText(`Shelf ${PAGE_SIZE - 1} ${tag}`);
  });

  test('a department admin reads only their subtree’s entries and manages only inside it', async ({ page, request }) => {
    const { tag, lead, names } = await organisation(request);
    await signIn(page, lead.email, lead.password);
    await page.getByRole('link', { name: 'Audit' }).click();
    const rows = page.getByRole('table', { name: 'Audit entries' }).getByRole('row');
    await expect(rows.nth(1)).toContainText(`Shelf ${PAGE_SIZE - 1} ${tag}`);
    await page.getByLabel('Action').selectOption({ label: 'Department created' });
    await expect(rows.nth(1)).toContainText(`Shelf ${PAGE_SIZE - 1} ${tag}`);
    // Every page: the Lab's creation is there; Elsewhere's concerns no department of theirs, nor does the seeded organisation's.
    const more = page.getByRole('button', { name: 'Load more' });
    await expect(more).toBeVisible();
    while (await more.isVisible()) {
      const before = await rows.count();
      await more.click();
      await expect.poll(() => rows.count()).toBeGreaterThan(before);
    }
    await expect(rows.filter({ hasText: names.lab })).toHaveCount(1);
    await expect(rows.filter({ hasText: names.elsewhere })).toHaveCount(0);
    await expect(rows.filter({ hasText: 'People & Culture' })).toHaveCount(0);

    // The Organisation page offers only what the server would accept from them.
    await page.getByRole('link', { name: 'Organisation' }).click();
    const departments = page.getByRole('region', { name: 'Departments' });
    const inside = departments.getByLabel('Inside');
    await expect(inside.locator('option')).toHaveCount(PAGE_SIZE + 2);
    await expect(inside.locator('option', { hasText: '(top level)' })).toHaveCount(0);
    await expect(inside.locator('option', { hasText: names.elsewhere })).toHaveCount(0);
    await departments.getByLabel('Name').fill(`Annex ${tag}`);
    await inside.selectOption({ label: names.lab });
    await departments.getByRole('button', { name: 'Create department' }).click();
    await expect(departments.getByRole('listitem').filter({ hasText: new RegExp(`^Annex ${tag}$`) })).toBeVisible();

    const people = page.getByRole('region', { name: 'People' });
    await expect(people.getByRole('row', { name: new RegExp(lead.name) })).toBeVisible();
    await expect(people.getByRole('row', { name: /Bob/ })).toHaveCount(0);
    await expect(people.getByRole('row', { name: /Demo Admin/ })).toHaveCount(0);
    // Nobody disables themselves.
    await expect(people.getByRole('button', { name: `Disable ${lead.name}` })).toHaveCount(0);
    await expect(people.getByLabel('Role').locator('option')).toHaveText(['Member', 'Department administrator']);
    await expect(people.getByLabel('Department').locator('option', { hasText: names.elsewhere })).toHaveCount(0);
    await expectAccessible(page, 'organisation for a department admin');

    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByLabel('Action').selectOption({ label: 'Department created' });
    await expect(rows.nth(1)).toContainText(`Annex ${tag}`);
    await expect(rows.nth(1)).toContainText(lead.name);
  });

  test('a member has no Audit screen', async ({ page }) => {
    await signIn(page, 'bob@example.org');
    await expect(page.getByRole('link', { name: 'Audit' })).toHaveCount(0);
  });
});
