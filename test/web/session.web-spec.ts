import type { Response } from '@playwright/test';
import { createMember } from './support/accounts';
import { ask, expect, signIn, test } from './support/fixtures';
import { members, product } from './support/product';

/** Every answer of `POST /auth/refresh` the context sees, with its status. */
function watchRefreshes(on: { on(event: 'response', listener: (response: Response) => void): unknown }) {
  const statuses: number[] = [];
  on.on('response', (response) => {
    if (response.url().endsWith('/api/v1/auth/refresh')) statuses.push(response.status());
  });
  return statuses;
}

test.describe('the session', () => {
  test('survives its access token running out, and a reload after that', async ({ page, consoleErrors }) => {
    // A request can meet the old token in the moment it runs out; the page then refreshes and
    // sends it again, which the browser logs as a failed resource.
    consoleErrors.allow(/status of 401/);
    const refreshes = watchRefreshes(page);
    const login = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    // Access tokens of this API process live four seconds.
    await signIn(page, members.alice.email, product.memberPassword, product.shortSessionUrl);
    const { accessToken } = (await (await login).json()) as { accessToken: string };

    // Wait until the server itself refuses the token the sign-in gave the page.
    await expect
      .poll(async () => (await fetch(`${product.shortSessionUrl}/api/v1/conversations?limit=1`, { headers: { authorization: `Bearer ${accessToken}` } })).status, {
        timeout: 30_000,
        intervals: [500],
      })
      .toBe(401);

    // The page still asks and is answered, on a token it renewed through the cookie.
    await ask(page, 'Who must agree to swap a Kestrel shift?');
    await expect(page.getByRole('button', { name: /^Source 1/ }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
    expect(refreshes.length).toBeGreaterThanOrEqual(1);
    expect(refreshes.filter((status) => status !== 200)).toEqual([]);

    // A reload keeps the person signed in and on the conversation.
    const url = page.url();
    await page.reload();
    await expect(page).toHaveURL(url);
    await expect(page.getByRole('heading', { name: /Who must agree to swap a Kestrel shift/ })).toBeVisible();
    await expect(page.getByRole('article', { name: 'Answer' }).last()).toContainText('Kestrel');
    expect(refreshes.filter((status) => status !== 200)).toEqual([]);
  });

  test('two tabs refreshing at the same moment both stay signed in', async ({ context }) => {
    // The strict API process counts a rotated refresh token that comes back at all as stolen
    // and ends the session. Tabs share one cookie, so only one refresh at a time keeps both in.
    const account = await createMember('Tabitha');
    const refreshes = watchRefreshes(context);

    const first = await context.newPage();
    await signIn(first, account.email, account.password, product.strictUrl);
    const second = await context.newPage();
    await second.goto(`${product.strictUrl}/chat`);
    await expect(second.getByRole('textbox', { name: 'Message' })).toBeVisible();

    // Both load at once, so both refresh through the same cookie at the same moment.
    await Promise.all([first.reload(), second.reload()]);
    for (const tab of [first, second]) await expect(tab.getByRole('textbox', { name: 'Message' })).toBeVisible();

    for (const tab of [first, second]) {
      // The access token each tab now holds works…
      await tab.getByRole('link', { name: 'Files', exact: true }).click();
      await expect(tab.getByRole('heading', { name: 'Files', level: 1 })).toBeVisible();
      await expect(tab.getByRole('alert')).toHaveCount(0);
    }
    // …and so does the session behind the cookie.
    await second.reload();
    await expect(second.getByRole('heading', { name: 'Files', level: 1 })).toBeVisible();
    await expect(second.getByRole('button', { name: 'Sign in' })).toHaveCount(0);

    // The second tab's first load, the two reloads at once, the last reload: all renewed.
    expect(refreshes).toEqual([200, 200, 200, 200]);
  });
});
