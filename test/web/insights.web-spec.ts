import { ask, expect, expectAccessible, saveScreenshot, signIn, signInAsAdmin, test } from './support/fixtures';
import { members, product } from './support/product';

const today = () => new Date().toISOString().slice(0, 10);

test.describe('feedback and usage', () => {
  test('an answer rated down reaches the Feedback screen with its question and comment, and nothing else of the chat', async ({ page, browser }) => {
    const tag = Date.now().toString(36);
    const question = `How are expenses claimed, ref ${tag}?`;
    const comment = `Missing the deadline ${tag}`;
    const bob = await browser.newPage();
    await signIn(bob, members.bob.email);
    await ask(bob, `What are the office hours, ref ${tag}?`);
    await ask(bob, question);
    await bob.getByRole('button', { name: 'Bad answer' }).last().click();
    await expect(bob.getByText('Thanks for the feedback.')).toBeVisible();
    await bob.getByRole('textbox', { name: 'Comment on this answer (optional)' }).last().fill(comment);
    await bob.getByRole('button', { name: 'Send comment' }).click();
    await expect(bob.getByText('Comment sent. Thank you.')).toBeVisible();
    await bob.close();

    await signInAsAdmin(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feedback' }).click();
    await expect(page.getByRole('heading', { name: 'Feedback', level: 1 })).toBeVisible();
    const rated = page.getByRole('article', { name: question });
    await expect(rated).toContainText('Rated down');
    await expect(rated).toContainText(comment);
    await expect(rated).toContainText(members.bob.department);
    // The conversation's other question stays out.
    await expect(page.getByText(`What are the office hours, ref ${tag}?`)).toHaveCount(0);
    await expectAccessible(page, 'feedback');
    await saveScreenshot(page, 'feedback');

    await page.getByLabel('Rating').selectOption({ label: 'Rated up' });
    await expect(page.getByRole('article', { name: question })).toHaveCount(0);
    await page.getByLabel('Rating').selectOption({ label: 'Up and down' });
    await page.getByLabel('Rated from').fill('2020-01-01');
    await page.getByLabel('Rated until').fill('2020-01-31');
    await expect(page.getByText('No rated answers match.')).toBeVisible();
  });

  test('the Usage screen charts answers over time and tables them per department, its chart code loaded only there', async ({ page, browser, request }) => {
    const index = await (await request.get(`${product.baseUrl}/`)).text();
    const entry = /<script[^>]+src="([^"]+)"/.exec(index)![1];
    const entryCode = await (await request.get(`${product.baseUrl}${entry}`)).text();
    // uPlot's own class names: present in the chart's chunk, absent from the first screen's.
    expect(entryCode).not.toContain('u-over');
    const scripts: string[] = [];
    page.on('response', async (response) => {
      if (response.url().endsWith('.js')) scripts.push(await response.text().catch(() => ''));
    });

    const alice = await browser.newPage();
    await signIn(alice, members.alice.email);
    await ask(alice, 'How long does a rollback take?');
    await alice.close();

    await signInAsAdmin(page);
    expect(scripts.some((code) => code.includes('u-over'))).toBe(false);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Usage' }).click();
    await expect(page.getByRole('heading', { name: 'Usage', level: 1 })).toBeVisible();
    await expect(page.getByRole('img', { name: /^Answers per day by how they ended/ })).toBeVisible();
    await expect(page.locator('.usage-chart canvas')).toBeVisible();
    expect(scripts.some((code) => code.includes('u-over'))).toBe(true);

    const table = page.getByRole('region', { name: 'By day and department' });
    const row = table.getByRole('row', { name: new RegExp(`^${today()} ${members.alice.department} `) });
    await expect(row).toBeVisible();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(Number(cells[3].replace(/\D/g, ''))).toBeGreaterThanOrEqual(1); // complete answers
    expect(Number(cells[7].replace(/\D/g, ''))).toBeGreaterThan(0); // tokens in
    await expectAccessible(page, 'usage');
    await saveScreenshot(page, 'usage', { fullPage: true });

    await page.getByRole('combobox', { name: 'Department' }).selectOption({ label: members.alice.department });
    await expect(table.getByRole('row', { name: new RegExp(members.bob.department) })).toHaveCount(0);
    await page.getByLabel('From', { exact: true }).fill('2020-01-01');
    await expect(page.getByRole('alert')).toContainText('at most 366 days');
    await page.getByLabel('To', { exact: true }).fill('2020-01-31');
    await expect(page.getByRole('heading', { name: '2020-01-01 to 2020-01-31' })).toBeVisible();
    await expect(page.getByText('No chats in this range.')).toBeVisible();
  });

  test('members have neither screen: no links, and the API refuses them', async ({ page, consoleErrors }) => {
    consoleErrors.allow(/status of 403/); // the refusal, on purpose
    await signIn(page, members.alice.email);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Feedback' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Usage' })).toHaveCount(0);
    await page.goto('/usage');
    await expect(page.getByRole('alert')).toContainText('Could not load the usage');
  });
});
