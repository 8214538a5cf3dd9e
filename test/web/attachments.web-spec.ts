import { ask, expect, expectAccessible, signIn, test } from './support/fixtures';
import { createMember } from './support/accounts';

const MARIGOLD = 'The Marigold archive is stored in vault seven beneath the east library.';

test.describe('attachments', () => {
  test('attaches a file to a new chat, shows it being read and then ready, and the answer cites it', async ({ page }) => {
    const owner = await createMember('Ada');
    await signIn(page, owner.email, owner.password);

    await page.getByLabel('Attach a file').setInputFiles({ name: 'marigold-notes.md', mimeType: 'text/markdown', buffer: Buffer.from(`# Marigold archive\n\n${MARIGOLD}\n`) });
    // The new chat became a conversation to hold the attachment.
    await expect(page).toHaveURL(/\/chat\/[0-9a-f-]{36}$/);
    const attachments = page.getByRole('list', { name: 'Attachments' });
    await expect(attachments.getByRole('listitem')).toContainText('marigold-notes.md');
    await expect(attachments.getByRole('status')).toHaveText('Ready', { timeout: 30_000 });
    await expectAccessible(page, 'chat (with an attachment)');

    await ask(page, 'Where is the Marigold archive stored?');
    await expect(page.getByRole('article', { name: 'Answer' }).last()).toContainText('vault seven');
    await expect(page.getByRole('region', { name: 'Sources' }).last()).toContainText('marigold-notes.md');

    // Another conversation of the same person does not read it.
    await page.getByRole('link', { name: 'New chat' }).click();
    await ask(page, 'Where is the Marigold archive stored?');
    await expect(page.getByRole('article', { name: 'Answer' }).last()).not.toContainText('vault seven');
  });

  test('a file dropped on the question box is attached to the open conversation', async ({ page }) => {
    const owner = await createMember('Grace');
    await signIn(page, owner.email, owner.password);
    await page.getByLabel('Attach a file').setInputFiles({ name: 'first.txt', mimeType: 'text/plain', buffer: Buffer.from('First notes about the Lotus budget.\n') });
    await expect(page).toHaveURL(/\/chat\/[0-9a-f-]{36}$/);
    const dropped = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['Second notes about the Lotus timeline.\n'], 'second.txt', { type: 'text/plain' }));
      return transfer;
    });
    await page.getByRole('textbox', { name: 'Message' }).dispatchEvent('drop', { dataTransfer: dropped });
    const items = page.getByRole('list', { name: 'Attachments' }).getByRole('listitem');
    await expect(items).toHaveCount(2);
    await expect(items.nth(1)).toContainText('second.txt');
  });
});
