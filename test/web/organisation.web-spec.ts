import { expect, expectAccessible, saveScreenshot, signIn, signInAsAdmin, test } from './support/fixtures';
import { product } from './support/product';

test.describe('organisation', () => {
  test('an admin creates a department and a person, changes them, disables and enables the account', async ({ page, browser, consoleErrors }) => {
    consoleErrors.allow(/status of 401/); // the disabled account's sign-in, on purpose
    const tag = Date.now().toString(36);
    const department = `Research ${tag}`;
    const email = `dana-${tag}@example.org`;
    const password = 'a long enough password';

    await signInAsAdmin(page);
    await page.getByRole('link', { name: 'Organisation' }).click();
    await expect(page.getByRole('heading', { name: 'Organisation', level: 1 })).toBeVisible();
    const departments = page.getByRole('region', { name: 'Departments' });
    await departments.getByLabel('Name').fill(department);
    await departments.getByLabel('Inside').selectOption({ label: 'Engineering' });
    await departments.getByRole('button', { name: 'Create department' }).click();
    await expect(departments.getByRole('listitem').filter({ hasText: new RegExp(`^${department}$`) })).toBeVisible();

    const people = page.getByRole('region', { name: 'People' });
    await people.getByLabel('Email address').fill(email);
    await people.getByLabel('Display name').fill(`Dana ${tag}`);
    await people.getByLabel('Initial password').fill(password);
    await people.getByLabel('Department').selectOption({ label: department });
    await people.getByRole('button', { name: 'Create account' }).click();
    const row = people.getByRole('row', { name: new RegExp(`Dana ${tag}`) });
    await expect(row).toContainText(department);
    await expect(row).toContainText('Active');

    await people.getByRole('button', { name: `Edit Dana ${tag}` }).click();
    const edit = people.getByRole('form', { name: `Edit Dana ${tag}` });
    await edit.getByLabel('Display name').fill(`Dana Ö ${tag}`);
    await edit.getByLabel('Role').selectOption('admin');
    await edit.getByLabel('Department').selectOption({ label: 'Engineering' });
    await edit.getByRole('button', { name: 'Save changes' }).click();
    const changed = people.getByRole('row', { name: new RegExp(`Dana Ö ${tag}`) });
    await expect(changed).toContainText('Administrator');
    await expect(changed).toContainText('Engineering');
    await expectAccessible(page, 'organisation');

    // Dana is signed in elsewhere when the account is disabled: her next step shows why she is out.
    const dana = await browser.newPage();
    await dana.goto(`${product.baseUrl}/`);
    await signIn(dana, email, password);
    await people.getByRole('button', { name: `Disable Dana Ö ${tag}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disable account' }).click();
    await expect(changed).toContainText('Disabled');
    await dana.getByRole('link', { name: 'Files', exact: true }).click();
    await expect(dana.getByText('Your account has been disabled')).toBeVisible();
    await expect(dana).toHaveURL(/\/sign-in$/);

    await dana.getByLabel('Email').fill(email);
    await dana.getByLabel('Password').fill(password);
    await dana.getByRole('button', { name: 'Sign in' }).click();
    await expect(dana.getByRole('alert')).toContainText('disabled');

    await people.getByRole('button', { name: `Enable Dana Ö ${tag}` }).click();
    await expect(changed).toContainText('Active');
    await signIn(dana, email, password);
    await dana.close();
  });

  test('the People screen of the demo organisation, for the README', async ({ page }) => {
    // On an API with a database of its own: the shared one holds every other spec's departments.
    const origin = product.screenshotsUrl;
    await signIn(page, product.admin.email, product.admin.password, origin);
    await page.getByRole('link', { name: 'Organisation' }).click();
    const departments = page.getByRole('region', { name: 'Departments' });
    await departments.getByLabel('Name').fill('Platform');
    await departments.getByLabel('Inside').selectOption({ label: 'Engineering' });
    await departments.getByRole('button', { name: 'Create department' }).click();
    await expect(departments.getByRole('listitem').filter({ hasText: /^Platform$/ })).toBeVisible();
    const people = page.getByRole('region', { name: 'People' });
    await people.getByLabel('Email address').fill('dana@example.org');
    await people.getByLabel('Display name').fill('Dana (Platform)');
    await people.getByLabel('Initial password').fill('a long enough password');
    await people.getByLabel('Department').selectOption({ label: 'Platform' });
    await people.getByRole('button', { name: 'Create account' }).click();
    await expect(people.getByRole('row', { name: /Dana \(Platform\)/ })).toContainText('Active');
    await expect(page.getByText(/Shelf \d/)).toHaveCount(0);
    await saveScreenshot(page, 'users', { fullPage: true });
  });

  test('a member has no Organisation screen', async ({ page }) => {
    await signIn(page, 'bob@example.org');
    await expect(page.getByRole('link', { name: 'Organisation' })).toHaveCount(0);
  });
});
