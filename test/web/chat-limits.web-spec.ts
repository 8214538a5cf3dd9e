import { call, createMember } from './support/accounts';
import { ask, expect, signIn, test } from './support/fixtures';
import { product } from './support/product';

test.describe('chat limits', () => {
  test('a chat the rate limit refuses says when to try again, from Retry-After', async ({ page, consoleErrors }) => {
    consoleErrors.allow(/status of 429/); // the refusal, on purpose
    // The strict API process allows one chat a minute per person; this person is new.
    const account = await createMember('Rita');
    await signIn(page, account.email, account.password, product.strictUrl);
    await ask(page, 'When does the Kestrel rotation hand over?');

    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/chat') && r.request().method() === 'POST');
    await page.getByRole('textbox', { name: 'Message' }).fill('Who writes the Kestrel handover note?');
    await page.getByRole('button', { name: 'Send' }).click();
    const refusal = await answered;
    expect(refusal.status()).toBe(429);
    const seconds = Number(refusal.headers()['retry-after']);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);

    const notice = page.getByRole('alert');
    await expect(notice).toHaveText(new RegExp(`Try again in ${seconds} seconds?\\.`));
    // The question stays on screen with a way to send it again, and the composer is free.
    await expect(page.getByText('Who writes the Kestrel handover note?')).toBeVisible();
    await expect(notice.getByRole('button', { name: 'Ask again' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  });

  test('the conversation list loads its next page when its end is scrolled into view', async ({ page }) => {
    const account = await createMember('Petra');
    const titles = Array.from({ length: 35 }, (_, i) => `Paging conversation ${String(i).padStart(2, '0')}`);
    for (const title of titles) await call(product.baseUrl, 'POST', '/conversations', { title }, account.accessToken);
    const later: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/v1\/conversations\?.*cursor=/.test(request.url())) later.push(request.url());
    });

    await signIn(page, account.email, account.password);
    const list = page.getByRole('complementary', { name: 'Conversations' });
    const links = list.getByRole('link', { name: /Paging conversation/ });
    // The first page: the 30 newest, nothing more until the end of the list is in view.
    await expect(links).toHaveCount(30);
    await expect(links.first()).toContainText(titles[34]);
    await expect(list.getByRole('link', { name: new RegExp(titles[4]) })).toHaveCount(0);
    expect(later).toEqual([]);

    await list.hover();
    await page.mouse.wheel(0, 10_000);
    await expect(links).toHaveCount(35);
    await expect(links.last()).toContainText(titles[0]);
    expect(later).toHaveLength(1);
    // Nothing is left to load, so nothing offers to.
    await expect(list.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  });
});
