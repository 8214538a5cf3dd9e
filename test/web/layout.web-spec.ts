import { ask, expect, expectAccessible, signIn, test } from './support/fixtures';
import { members, product } from './support/product';

test.describe('on a phone, in the dark', () => {
  test.use({ viewport: { width: 360, height: 740 }, colorScheme: 'dark' });

  test('the chat works at 360 px wide in dark mode, with the conversations behind a toggle', async ({ page }) => {
    await signIn(page, members.bob.email);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(246, 247, 249)');
    await expect(page.getByRole('complementary', { name: 'Conversations' })).toBeHidden();
    await ask(page, 'When are the Marlin salary bands reviewed?');
    await expect(page.getByRole('button', { name: /^Source \d+: marlin-salary-bands\.md$/ }).first()).toBeVisible();
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'chat on a phone, dark');

    await page.getByRole('button', { name: 'Conversations' }).click();
    const list = page.getByRole('complementary', { name: 'Conversations' });
    await expect(list.getByRole('link', { name: /Marlin salary bands/ })).toBeVisible();
    await list.getByRole('link', { name: 'New chat' }).click();
    await expect(list).toBeHidden();
    await expect(page.getByRole('heading', { name: 'What would you like to know?' })).toBeVisible();
  });

  test('keyboard alone signs in and sends a question', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByLabel('Email')).toBeFocused();
    await page.keyboard.type(members.alice.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(product.memberPassword);
    await page.keyboard.press('Enter');
    const message = page.getByRole('textbox', { name: 'Message' });
    await expect(message).toBeVisible();
    await message.focus();
    await page.keyboard.type('Who writes the Kestrel handover note?');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: /^Source 1/ }).first()).toBeVisible({ timeout: 30_000 });
    // The focused control shows a focus ring.
    await page
      .getByRole('button', { name: /^Source 1/ })
      .first()
      .focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
  });
});
