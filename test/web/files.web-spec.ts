import { buildDocx } from '../../libs/ingest/src/parsing/__fixtures__/docx.fixture';
import { buildPdf } from '../../libs/ingest/src/parsing/__fixtures__/pdf.fixture';
import { ask, expect, expectAccessible, saveScreenshot, signIn, signInAsAdmin, test } from './support/fixtures';
import { members, product } from './support/product';

test.describe('files', () => {
  test('an admin uploads a PDF and a DOCX through the page, watches them become ready, and a member’s answer cites them', async ({ page, browser }) => {
    test.setTimeout(150_000); // two ingestions and two answers, on a machine the whole stack shares
    const tag = Date.now().toString(36);
    const pdfName = `Reisekosten-Übersicht ${tag}.pdf`;
    const docxName = `Guía-de-incorporación-${tag}.docx`;
    const pdf = buildPdf([[`Heron travel policy ${tag}`, `Heron economy class ${tag} applies to flights under six hours.`], [`Heron per diem ${tag} is forty euros a day.`]]);
    const docx = await buildDocx([{ style: 'Heading1', text: `Pelican onboarding ${tag}` }, { text: `Pelican starters ${tag} receive a laptop on their first day.` }]);

    await signInAsAdmin(page);
    await page.getByRole('link', { name: 'Files', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Files', level: 1 })).toBeVisible();
    await page.getByLabel('Department').first().selectOption({ label: 'Engineering' });
    await page.getByLabel('Upload files').setInputFiles([
      { name: pdfName, mimeType: 'application/pdf', buffer: pdf },
      { name: docxName, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx },
    ]);
    const uploads = page.getByRole('list', { name: 'Uploads' });
    await expect(uploads.getByRole('listitem')).toHaveCount(2);
    await saveScreenshot(page, 'upload');
    for (const name of [pdfName, docxName]) {
      await expect(uploads.getByRole('listitem', { name })).toContainText('Ready', { timeout: 45_000 });
    }
    // The names arrive intact, accents and all, and the table lists both as ready.
    const table = page.getByRole('table');
    await expect(table.getByRole('row', { name: new RegExp(pdfName) })).toContainText('Ready');
    await expect(table.getByRole('row', { name: new RegExp(docxName) })).toContainText('Ready');
    await expectAccessible(page, 'files (admin)');
    await page.getByRole('button', { name: 'Clear finished' }).click();
    await saveScreenshot(page, 'files', { fullPage: true });

    const member = await browser.newPage();
    await signIn(member, members.alice.email);
    await ask(member, `What is the Heron per diem ${tag}?`);
    await expect(member.getByRole('button', { name: new RegExp(`Source \\d+: ${escape(pdfName)}`) }).first()).toBeVisible();
    await ask(member, `What do Pelican starters ${tag} receive?`);
    await expect(member.getByRole('button', { name: new RegExp(`Source \\d+: ${escape(docxName)}`) }).first()).toBeVisible();
    await member.close();
  });

  test('a refused upload says why, and identical bytes are reported as a duplicate', async ({ page, consoleErrors }) => {
    consoleErrors.allow(/status of (415|400)/); // refused on purpose
    await signInAsAdmin(page);
    await page.goto('/files');
    await page.getByLabel('Upload files').setInputFiles([
      { name: 'picture.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') },
      { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    ]);
    const uploads = page.getByRole('list', { name: 'Uploads' });
    await expect(uploads.getByRole('listitem', { name: 'picture.png' })).toContainText('not supported');
    await expect(uploads.getByRole('listitem', { name: 'empty.txt' })).toContainText('empty');

    const same = { name: 'kestrel-copy.md', mimeType: 'text/markdown', buffer: Buffer.from(`# Duplicate check ${Date.now()}\n\nSame bytes twice.\n`) };
    await page.getByLabel('Upload files').setInputFiles([same]);
    await expect(uploads.getByRole('listitem', { name: 'kestrel-copy.md' }).first()).toContainText('Ready', { timeout: 45_000 });
    await page.getByLabel('Upload files').setInputFiles([same]);
    await expect(uploads.getByRole('listitem', { name: 'kestrel-copy.md' }).first()).toContainText('Already uploaded');
  });

  test('an admin filters, reindexes and deletes a file after confirming', async ({ page }) => {
    await signInAsAdmin(page);
    await page.goto('/files');
    const name = `to-delete-${Date.now()}.txt`;
    await page.getByLabel('Upload files').setInputFiles([{ name, mimeType: 'text/plain', buffer: Buffer.from(`Grebe note ${name}: delete me.\n`) }]);
    await expect(page.getByRole('list', { name: 'Uploads' }).getByRole('listitem', { name })).toContainText('Ready', { timeout: 45_000 });

    await page.getByLabel('Status').selectOption('failed');
    await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
    await page.getByLabel('Status').selectOption('ready');
    await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
    await page.getByLabel('Department').last().selectOption({ label: 'People & Culture' });
    await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
    await expect(page.getByRole('row', { name: /marlin-salary-bands\.md/ })).toBeVisible();
    await page.getByLabel('Department').last().selectOption({ label: 'All I can see' });
    // With the filter still on "ready", a reindexed file leaves the table while it is queued.
    await page.getByLabel('Status').selectOption('');

    await page.getByRole('button', { name: `Reindex ${name}` }).click();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText(/Queued|Processing|Reading|Ready/);

    await page.getByRole('button', { name: `Delete ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this file?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
    await page.getByRole('button', { name: `Delete ${name}` }).click();
    await dialog.getByRole('button', { name: 'Delete file' }).click();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
  });

  test('a member sees only the files their department may read, and cannot upload', async ({ page }) => {
    await signIn(page, members.alice.email);
    await page.getByRole('link', { name: 'Files', exact: true }).click();
    const table = page.getByRole('table');
    await expect(table.getByRole('row', { name: new RegExp(product.documents.engineering.filename) })).toBeVisible();
    await expect(table.getByRole('row', { name: new RegExp(product.documents.people.filename) })).toHaveCount(0);
    await expect(page.getByLabel('Upload files')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Delete / })).toHaveCount(0);
    await expectAccessible(page, 'files (member)');

    await page.getByRole('link', { name: 'Chat', exact: true }).click();
    await ask(page, 'How often are the Marlin salary bands reviewed?');
    await expect(page.getByRole('button', { name: /marlin-salary-bands/ })).toHaveCount(0);
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
