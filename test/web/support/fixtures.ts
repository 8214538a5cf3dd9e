import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { product } from './product';

const screenshots = path.resolve(__dirname, '..', '..', '..', 'docs', 'screenshots');

type Fixtures = {
  /** Console errors and uncaught exceptions of the test's pages; none may be left at the end. */
  consoleErrors: { allow(pattern: RegExp): void };
};

export const test = base.extend<Fixtures>({
  // Known only once the global setup has started the product, after the config was read.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => use(product.baseUrl),
  consoleErrors: [
    async ({ context }, use) => {
      const seen: string[] = [];
      const allowed: RegExp[] = [];
      const watch = (page: Page) => {
        page.on('console', (message) => {
          if (message.type() === 'error') seen.push(`${page.url()}: ${message.text()}`);
        });
        page.on('pageerror', (error) => seen.push(`${page.url()}: uncaught ${error.message}`));
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use({ allow: (pattern) => allowed.push(pattern) });
      expect(
        seen.filter((line) => !allowed.some((pattern) => pattern.test(line))),
        'console errors',
      ).toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Signs in through the page; `origin` picks another of the harness's API processes. */
export async function signIn(page: Page, email: string, password = product.memberPassword, origin = '') {
  await page.goto(`${origin}/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
}

export const signInAsAdmin = (page: Page) => signIn(page, product.admin.email, product.admin.password);

/** Asks a question and waits until the answer has finished streaming. */
export async function ask(page: Page, question: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(question);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole('article', { name: 'Answer' }).last()).not.toHaveAttribute('aria-busy', 'true');
}

/** axe on the current screen: no serious or critical violation. */
export async function expectAccessible(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `accessibility of ${screen}`,
  ).toEqual([]);
}

/** Saves a screenshot for the README (docs/screenshots/<name>.png). */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), ...options });
}
