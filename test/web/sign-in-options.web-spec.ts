import { expect, expectAccessible, signIn, test } from './support/fixtures';
import { product } from './support/product';

// The SSO API is a second process on the same data: single sign-on against a real OpenID
// provider (oidc-provider, in the global setup), password login off, the demo admin break-glass.
test.describe('sign-in options', () => {
  test('with single sign-on on and password login off: the provider’s button signs the person in, no password form shows', async ({ page }) => {
    await page.goto(`${product.sso.baseUrl}/`);
    const button = page.getByRole('link', { name: `Sign in with ${product.sso.providerName}` });
    await expect(button).toBeVisible();
    await expect(page.getByLabel('Password')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeHidden();
    await expectAccessible(page, 'sign-in with single sign-on');

    // Through the provider's pages and the callback, back to the app with a session.
    await button.click();
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(product.sso.baseUrl);
    await expect(page.getByLabel(`Account: ${product.sso.account.name}`)).toBeVisible();
    // A reload keeps the session: the callback's cookie, not a token in the page.
    await page.reload();
    await expect(page.getByLabel(`Account: ${product.sso.account.name}`)).toBeVisible();
  });

  test('with password login off, a break-glass account still signs in with its password and anyone else is told why not', async ({ page, consoleErrors }) => {
    consoleErrors.allow(/status of 403/); // bob's refused password, on purpose
    await page.goto(`${product.sso.baseUrl}/`);
    await page.getByText('Emergency sign-in with a password').click();
    await page.getByLabel('Email').fill('bob@example.org');
    await page.getByLabel('Password').fill(product.memberPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Password sign-in is turned off');

    await page.getByLabel('Email').fill(product.admin.email);
    await page.getByLabel('Password').fill(product.admin.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
  });

  test('without single sign-on: the password form and no provider button', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByLabel('Password')).toBeVisible();
    await expect(page.getByRole('link', { name: /^Sign in with/ })).toHaveCount(0);
    await signIn(page, 'alice@example.org');
  });
});
