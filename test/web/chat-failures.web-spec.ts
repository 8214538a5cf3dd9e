import type { Page } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';
import { members } from './support/product';

/**
 * Lets the next `POST /chat` reach the real API, then hands the page only the beginning of
 * the real answer's stream (its meta, steps and first three tokens) followed by `ending`: the
 * failures a browser meets in the middle of an answer, at a point the test chooses. Resolves
 * with the text of the tokens the page was given.
 */
async function cutNextAnswer(page: Page, ending: string): Promise<() => string> {
  let streamed = '';
  await page.route(
    '**/api/v1/chat',
    async (route) => {
      const response = await route.fetch();
      const kept: string[] = [];
      let tokens = 0;
      for (const block of (await response.text()).split('\n\n')) {
        const event = /^event: ?(.+)$/m.exec(block)?.[1];
        if (event === 'token') {
          if (++tokens > 3) break;
          streamed += (JSON.parse(/^data: ?(.+)$/m.exec(block)![1]) as { text: string }).text;
        } else if (event && event !== 'meta' && event !== 'status') break;
        kept.push(block);
      }
      expect(tokens, 'the real answer had words to cut').toBeGreaterThan(3);
      await route.fulfill({ response, body: `${kept.join('\n\n')}\n\n${ending}` });
    },
    { times: 1 },
  );
  return () => streamed;
}

async function send(page: Page, question: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(question);
  await page.getByRole('button', { name: 'Send' }).click();
}

test.describe('an answer that fails on the way', () => {
  test('an error event mid-answer keeps the streamed words and offers to ask again', async ({ page }) => {
    await signIn(page, members.alice.email);
    const streamed = await cutNextAnswer(page, 'event: error\ndata: {"code":"answer_generation_failed","message":"the chat model stopped answering","requestId":"web-spec"}\n\n');
    await send(page, 'When does the Kestrel rotation hand over?');

    const answer = page.getByRole('article', { name: 'Answer' }).last();
    const notice = answer.getByRole('alert');
    await expect(notice).toHaveText(/The answer could not be finished: the chat model stopped answering\./);
    await expect(answer).toHaveAttribute('aria-busy', 'false');
    await expect(answer.locator('.answer-text')).toHaveText(streamed().trim());
    await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);

    // Asking again sends the same question, and this time the whole answer arrives.
    await notice.getByRole('button', { name: 'Ask again' }).click();
    await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0, { timeout: 30_000 });
    await expect(page.locator('.question-text').filter({ hasText: 'When does the Kestrel rotation hand over?' })).toHaveCount(2);
    const second = page.getByRole('article', { name: 'Answer' }).last();
    await expect(second.getByRole('button', { name: /^Source 1: kestrel-rotation\.md$/ }).first()).toBeVisible();
    await expect(second.getByRole('alert')).toHaveCount(0);
  });

  test('a connection that drops mid-answer is reported, keeping the streamed words', async ({ page }) => {
    await signIn(page, members.alice.email);
    // The stream just ends: no `done`, no `error`.
    const streamed = await cutNextAnswer(page, '');
    await send(page, 'Who writes the Kestrel handover note?');

    const answer = page.getByRole('article', { name: 'Answer' }).last();
    await expect(answer.getByRole('alert')).toHaveText(/The connection was lost before the answer finished\./);
    await expect(answer.getByRole('alert').getByRole('button', { name: 'Ask again' })).toBeVisible();
    await expect(answer.locator('.answer-text')).toHaveText(streamed().trim());
    await expect(answer).toHaveAttribute('aria-busy', 'false');
    await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  });

  test('a connection refused before the answer starts is reported', async ({ page, consoleErrors }) => {
    consoleErrors.allow(/ERR_CONNECTION_RESET/); // the refusal, on purpose
    await signIn(page, members.alice.email);
    await page.route('**/api/v1/chat', (route) => route.abort('connectionreset'), { times: 1 });
    await send(page, 'How long is a Kestrel shift?');
    const notice = page.getByRole('article', { name: 'Answer' }).last().getByRole('alert');
    await expect(notice).toHaveText(/The connection was lost before the answer finished\./);
    await expect(notice.getByRole('button', { name: 'Ask again' })).toBeVisible();
    await expect(page.getByText('How long is a Kestrel shift?')).toBeVisible();
  });
});
