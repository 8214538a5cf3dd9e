import type { Page } from '@playwright/test';
import { createMember } from './support/accounts';
import { ask, expect, expectAccessible, signIn, test } from './support/fixtures';

/** Waits until no answer is streaming. */
async function answered(page: Page) {
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole('article', { name: 'Answer' }).last()).not.toHaveAttribute('aria-busy', 'true');
}

test.describe('versions of a conversation', () => {
  test('regenerates the last answer, keeps both, and switches between them', async ({ page }) => {
    const member = await createMember('Regina');
    await signIn(page, member.email, member.password);
    await ask(page, 'When does the Kestrel rotation hand over?');
    const answers = page.getByRole('article', { name: 'Answer' });
    await expect(answers).toHaveCount(1);
    // One version so far: nothing to switch between.
    await expect(page.getByRole('group', { name: 'Versions of this answer' })).toHaveCount(0);

    await answers.getByRole('button', { name: 'Regenerate' }).click();
    await answered(page);
    await expect(answers).toHaveCount(1);
    const versions = answers.getByRole('group', { name: 'Versions of this answer' });
    await expect(versions).toContainText('2 / 2');
    await expect(answers.last()).toContainText('Tuesday');
    await expectAccessible(page, 'chat with versions');

    await versions.getByRole('button', { name: 'Previous version' }).click();
    await expect(versions).toContainText('1 / 2');
    await expect(versions.getByRole('button', { name: 'Previous version' })).toBeDisabled();
    // The choice is the server's: it holds after a reload.
    await page.reload();
    await expect(page.getByRole('group', { name: 'Versions of this answer' })).toContainText('1 / 2');
    await page.getByRole('group', { name: 'Versions of this answer' }).getByRole('button', { name: 'Next version' }).click();
    await expect(page.getByRole('group', { name: 'Versions of this answer' })).toContainText('2 / 2');
  });

  test('edits a question and sends it on a new branch, keeping the old one', async ({ page }) => {
    const member = await createMember('Edith');
    await signIn(page, member.email, member.password);
    await ask(page, 'When does the Kestrel rotation hand over?');
    await ask(page, 'Who is on call this week?');
    await expect(page.getByRole('article', { name: 'Answer' })).toHaveCount(2);

    // Edit the first question: what came after it gives way to the new branch.
    await page.getByRole('button', { name: 'Edit' }).first().click();
    const editor = page.getByRole('textbox', { name: 'Edit your question' });
    await expect(editor).toHaveValue('When does the Kestrel rotation hand over?');
    await editor.fill('How quickly must an on-call page be acknowledged?');
    await page.getByRole('button', { name: 'Send edited question' }).click();
    await answered(page);

    const questions = page.locator('.message.user .question-text');
    await expect(questions).toHaveText(['How quickly must an on-call page be acknowledged?']);
    await expect(page.getByRole('article', { name: 'Answer' })).toHaveCount(1);
    const versions = page.getByRole('group', { name: 'Versions of this question' });
    await expect(versions).toContainText('2 / 2');

    // The earlier branch is all still there, its second question and answer with it.
    await versions.getByRole('button', { name: 'Previous version' }).click();
    await expect(questions).toHaveText(['When does the Kestrel rotation hand over?', 'Who is on call this week?']);
    await expect(page.getByRole('article', { name: 'Answer' })).toHaveCount(2);
    await expect(versions).toContainText('1 / 2');
    await versions.getByRole('button', { name: 'Next version' }).click();
    await expect(questions).toHaveText(['How quickly must an on-call page be acknowledged?']);
  });

  test('Cancel leaves a question as it was', async ({ page }) => {
    const member = await createMember('Carl');
    await signIn(page, member.email, member.password);
    await ask(page, 'When does the Kestrel rotation hand over?');
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('textbox', { name: 'Edit your question' }).fill('Something else entirely');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.locator('.message.user .question-text')).toHaveText(['When does the Kestrel rotation hand over?']);
    await expect(page.getByRole('group', { name: 'Versions of this question' })).toHaveCount(0);
  });
});
