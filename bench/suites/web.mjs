// The web app as a person meets it, in Debian's Chromium driven by Playwright: how much
// JavaScript the first screen downloads (gzipped), the sign-in page's first contentful paint,
// and the time from clicking "Send" to the first word of the answer on screen. Each is reported
// beside the API's own first-token time in the same run, measured over loopback by a plain SSE
// client and read from the server's histogram, so the page's share can be told apart.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { histogramDelta, histogramQuantile, readHistogram } from '../lib/prometheus-histogram.mjs';
import { root, SEED } from '../lib/product.mjs';
import { postSse } from '../lib/sse-client.mjs';
import { round, summarize } from '../lib/stats.mjs';

const PAINT_SAMPLES = 15;
const CHAT_SAMPLES = 20;
const HOSTED_MODEL_TOKEN_DELAY_MS = 20;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DOCUMENTS = [
  ['on-call.md', '# On-call\n\nA page must be acknowledged within 15 minutes. Severity 1 incidents need a customer update within 30 minutes.\n'],
  ['deploys.md', '# Deployments\n\nDeployments are not allowed on Fridays after 14:00 or during the quarterly freeze.\n'],
  ['remote.md', '# Remote work\n\nEveryone may work from home up to three days a week, agreed within the team.\n'],
];
const QUESTIONS = ['How quickly must a page be acknowledged?', 'When are deployments not allowed?', 'How many days a week may I work from home?', 'What do severity 1 incidents need?'];

/** Gzipped bytes of the scripts index.html loads: its module entry and what it preloads. */
export function firstScreenJs(webDir = path.join(root, 'dist', 'web')) {
  const html = readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
  const files = [...new Set(sources)].map((src) => path.join(webDir, src.replace(/^\//, '')));
  return { files: files.map((f) => path.relative(webDir, f)), gzipBytes: files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0) };
}

export async function runWeb({ product, admin, results, log }) {
  const js = firstScreenJs();
  results.set('web.firstScreen.jsGzipKiB', round(js.gzipBytes / 1024, 1));
  results.note(`Web: the first screen loads ${js.files.join(', ')} (${round(js.gzipBytes / 1024, 1)} KiB gzipped at level 9); the Files and Organisation screens load on first visit.`);

  const worker = await product.startWorker();
  if (!worker) throw new Error('dist/apps/worker/src/main.js is missing');
  for (const [filename, text] of DOCUMENTS) {
    await admin.upload('/files', { visibility: 'organization' }, { filename, content: Buffer.from(text), contentType: 'text/markdown' });
  }
  const api = await product.startApi({ LOCAL_CHAT_TOKEN_DELAY_MS: String(HOSTED_MODEL_TOKEN_DELAY_MS) });
  const origin = api.baseUrl.replace(/\/api\/v1$/, '');
  await waitForReady(admin, DOCUMENTS.length).finally(() => worker.stop());
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    log(`web: first contentful paint of the sign-in page, ${PAINT_SAMPLES} cold loads`);
    const paints = [];
    for (let i = 0; i < PAINT_SAMPLES + 2; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}/sign-in`);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
      if (i >= 2 && fcp !== null) paints.push(fcp); // the first two warm the disk cache and the process
      await context.close();
    }
    results.set('web.signIn.fcpMs.p50', round(summarize(paints).p50, 1));

    log(`web: "Send" to the first word on screen, ${CHAT_SAMPLES} questions, each beside the same question asked by a plain SSE client`);
    // Another build of the app to compare with in the same run (BENCH_WEB_BASELINE_DIR, e.g. one
    // built from the commit before a change with `vite build --outDir`), served by an API process
    // of its own; its questions alternate with the current build's, so both meet the same load.
    const baselineDir = process.env.BENCH_WEB_BASELINE_DIR;
    const baselineApi = baselineDir ? await product.startApi({ LOCAL_CHAT_TOKEN_DELAY_MS: String(HOSTED_MODEL_TOKEN_DELAY_MS), WEB_APP_DIR: path.resolve(baselineDir) }) : null;
    try {
      const before = readHistogram(await (await fetch(`${api.baseUrl}/metrics`)).text(), 'chat_first_token_seconds');
      const variants = [await openChat(browser, 'current', api, log)];
      if (baselineApi) variants.push(await openChat(browser, 'baseline', baselineApi, log));
      // Every request asks a question of its own: the search cache (shared by the API
      // processes) would otherwise answer whoever asks a question second from memory.
      let asked = 0;
      const questionFor = (i) => `${QUESTIONS[i % QUESTIONS.length]} (${i}.${++asked})`;
      for (let i = 0; i < CHAT_SAMPLES + 2; i++) {
        for (const variant of i % 2 ? [...variants].reverse() : variants) {
          const timing = await sendToFirstWord(variant.page, questionFor(i));
          const directMs = await firstTokenMs(`${variant.api.baseUrl}/chat`, admin, questionFor(i));
          if (i >= 2) variant.samples.push({ ...timing, directMs });
          await variant.page.getByRole('link', { name: 'New chat' }).click();
        }
      }
      const after = readHistogram(await (await fetch(`${api.baseUrl}/metrics`)).text(), 'chat_first_token_seconds');
      const server = histogramDelta(before, after);
      for (const variant of variants) {
        const figures = summarizeChat(variant.samples);
        const prefix = variant.name === 'current' ? 'web.chat' : 'web.chat.baseline';
        if (variant.name === 'current') {
          results.set('web.chat.sendToFirstWordMs.p50', figures.pageMs);
          results.set('web.chat.apiFirstTokenMs.p50', figures.directMs);
          if (server.count > 0) results.set('web.chat.serverFirstTokenMs.p50', round(histogramQuantile(server, 0.5) * 1000, 1));
          results.set('web.chat.pageAddsMs.p50', figures.addsMs);
        } else {
          results.setAll(prefix, { 'sendToFirstWordMs.p50': figures.pageMs, 'apiFirstTokenMs.p50': figures.directMs, 'pageAddsMs.p50': figures.addsMs });
        }
        results.setAll(`${prefix}.breakdown`, figures.breakdown);
        results.note(
          `Web${variant.name === 'current' ? '' : ` (baseline build ${baselineDir})`}: from the click on "Send" to the first word painted, p50 ${figures.pageMs} ms; the same questions from a plain SSE client reached their first token at p50 ${figures.directMs} ms ` +
            `(answers paced at ${HOSTED_MODEL_TOKEN_DELAY_MS} ms a word), so the page added ${figures.addsMs} ms. In the page, p50: click to the POST leaving ${figures.breakdown['clickToPostMs.p50']} ms, ` +
            `POST to the stream's headers ${figures.breakdown['postToHeadersMs.p50']} ms, headers to the first word painted ${figures.breakdown['headersToWordMs.p50']} ms; ` +
            `POST to the first token's bytes in the page ${figures.breakdown['postToTokenMs.p50']} ms, those bytes to the word painted ${figures.breakdown['tokenToWordMs.p50']} ms; ` +
            `other API requests the page made before its first word: ${figures.breakdown['otherRequestsBeforeWord.mean']} a question on average.`,
        );
      }
      for (const variant of variants) await variant.context.close();
    } finally {
      await baselineApi?.stop();
    }
  } finally {
    await browser.close();
    await api.stop();
  }
}

/** In the page: performance.now() at the click, and at the first mutation that puts answer text on screen. */
async function sendToFirstWord(page, question) {
  await page.getByRole('textbox', { name: 'Message' }).fill(question);
  await page.evaluate(() => {
    const state = { clicked: 0, firstWord: 0, tokenArrived: 0 };
    globalThis.__sendTiming = state;
    const send = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Send');
    send?.addEventListener('click', () => (state.clicked = performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const text = document.querySelector('article[data-phase] .answer-text')?.textContent ?? '';
      if (text.trim() && !state.firstWord) {
        // The frame that shows it: the next animation frame after the DOM change.
        requestAnimationFrame(() => (state.firstWord = performance.now()));
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Send' }).click();
  try {
    await page.waitForFunction(() => globalThis.__sendTiming.firstWord > 0, null, { timeout: 30_000 });
  } catch (error) {
    const shown = await page.evaluate(() => document.querySelector('main')?.innerText.slice(0, 600));
    throw new Error(`no answer word appeared for "${question}"; the page showed: ${shown}`, { cause: error });
  }
  await page.getByRole('button', { name: 'Send' }).waitFor({ timeout: 30_000 }); // the answer has ended
  // Resource Timing of the page's own requests: when the POST left and its headers came back,
  // and which other API requests went out between the click and the first word.
  return page.evaluate(() => {
    const { clicked, firstWord } = globalThis.__sendTiming;
    const requests = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/v1/') && e.startTime >= clicked);
    const chat = requests.filter((e) => new URL(e.name).pathname === '/api/v1/chat').at(-1);
    return {
      pageMs: firstWord - clicked,
      postToTokenMs: chat && globalThis.__sendTiming.tokenArrived ? globalThis.__sendTiming.tokenArrived - chat.fetchStart : null,
      tokenToWordMs: globalThis.__sendTiming.tokenArrived ? firstWord - globalThis.__sendTiming.tokenArrived : null,
      clickToPostMs: chat ? chat.fetchStart - clicked : null,
      postToHeadersMs: chat ? chat.responseStart - chat.fetchStart : null,
      headersToWordMs: chat ? firstWord - chat.responseStart : null,
      otherRequestsBeforeWord: requests.filter((e) => e !== chat && e.startTime < firstWord).length,
    };
  });
}

/** A signed-in page of the app `api` serves, for the chat samples. */
async function openChat(browser, name, api, log) {
  const context = await browser.newContext();
  // Notes when the first `token` event's bytes reach the page's JavaScript, on a copy of the
  // chat stream (tee), so the time after that is the page's own: parsing, React and the paint.
  await context.addInitScript(() => {
    const fetchOf = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const response = await fetchOf(input, init);
      const url = typeof input === 'string' ? input : input.url;
      if (!url.endsWith('/api/v1/chat') || !response.body || !globalThis.__sendTiming) return response;
      const timing = globalThis.__sendTiming;
      const [mine, copy] = response.body.tee();
      void (async () => {
        const reader = copy.pipeThrough(new globalThis.TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          if (!timing.tokenArrived && /^event: ?token$/m.test(value)) timing.tokenArrived = performance.now();
        }
      })();
      return new globalThis.Response(mine, { status: response.status, statusText: response.statusText, headers: response.headers });
    };
  });
  const page = await context.newPage();
  page.on('console', (message) => message.type() === 'error' && log(`web (${name}): page console error: ${message.text()}`));
  page.on('pageerror', (error) => log(`web (${name}): page error: ${error.message}`));
  await page.goto(api.baseUrl.replace(/\/api\/v1$/, '/'));
  await page.getByLabel('Email').fill(SEED.adminEmail);
  await page.getByLabel('Password').fill(SEED.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
  await page.evaluate(() => performance.setResourceTimingBufferSize(100_000));
  return { name, api, page, context, samples: [] };
}

function summarizeChat(samples) {
  const p50 = (key) => {
    const values = samples.map((s) => s[key]).filter((v) => v !== null);
    return values.length ? round(summarize(values).p50, 1) : null;
  };
  const pageMs = p50('pageMs');
  const directMs = p50('directMs');
  return {
    pageMs,
    directMs,
    addsMs: round(pageMs - directMs, 1),
    breakdown: {
      'clickToPostMs.p50': p50('clickToPostMs'),
      'postToHeadersMs.p50': p50('postToHeadersMs'),
      'headersToWordMs.p50': p50('headersToWordMs'),
      'postToTokenMs.p50': p50('postToTokenMs'),
      'tokenToWordMs.p50': p50('tokenToWordMs'),
      'otherRequestsBeforeWord.mean': round(samples.reduce((sum, s) => sum + s.otherRequestsBeforeWord, 0) / samples.length, 2),
    },
  };
}

async function firstTokenMs(url, client, message) {
  const started = performance.now();
  let first = null;
  await postSse(url, {
    headers: client.authHeaders,
    body: { message },
    signal: AbortSignal.timeout(60_000),
    onEvent: (event) => {
      if (event.event === 'token' && first === null) first = performance.now() - started;
    },
  });
  if (first === null) throw new Error('a chat streamed no token');
  return first;
}

async function waitForReady(admin, count) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { items } = await admin.get('/files?status=ready&limit=100');
    if (items.length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the web suite’s documents did not become ready');
}
