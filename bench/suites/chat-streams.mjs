// Open chat streams held at once, each kept past a `: ping` heartbeat, and the resident memory
// of the API process holding them. A second API process is started for this with the chat model
// pointed at a loopback stand-in that holds generations open (see held-openai-upstream.mjs).
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startHeldUpstream } from '../baseline/held-openai-upstream.mjs';
import { postSse } from '../lib/sse-client.mjs';
import { forEachLimited, round } from '../lib/stats.mjs';

const STREAMS = Number(process.env.BENCH_CHAT_STREAMS ?? 1000);
const OPENING_AT_ONCE = 50;
const PING_IDLE_MS = 15_000; // API.md: a ping after 15 s of silence
const OPEN_TIMEOUT_MS = 30_000;

export async function runChatStreams({ product, admin, results, log }) {
  const upstream = await startHeldUpstream();
  const api = await product.startApi({ CHAT_PROVIDER: 'openai', OPENAI_BASE_URL: upstream.url, OPENAI_API_KEY: 'bench', OPENAI_CHAT_MODEL: 'bench-held' });
  const streams = [];
  try {
    const url = `${api.baseUrl}/chat`;
    const warm = openStream(url, admin, 'warm-up question about cells');
    await warm.opened;
    warm.close();
    await sleep(1000);
    const idleRss = rssMiB(api.child.pid);

    log(`chat: opening ${STREAMS} streams, ${OPENING_AT_ONCE} at a time`);
    await forEachLimited(
      Array.from({ length: STREAMS }, (_, i) => i),
      OPENING_AT_ONCE,
      async (i) => {
        const stream = openStream(url, admin, `held question ${i} about protein folding`);
        streams.push(stream);
        await stream.opened.catch(() => {});
      },
    );
    const opened = streams.filter((s) => s.state.opened && !s.state.ended).length;
    log(`chat: ${opened} open (upstream holds ${upstream.held}); waiting for their heartbeats`);
    const deadline = Date.now() + PING_IDLE_MS + 15_000;
    while (Date.now() < deadline && streams.some((s) => s.state.opened && !s.state.ended && s.state.pings === 0)) await sleep(500);

    const held = streams.filter((s) => s.state.opened && !s.state.ended && s.state.pings > 0).length;
    const rss = rssMiB(api.child.pid);
    results.set('chat.streams.held', held);
    results.set('chat.streams.rssMiB', round(rss, 0));
    results.set('chat.streams.idleRssMiB', round(idleRss, 0));
    const failures = streams.filter((s) => s.state.problem).map((s) => s.state.problem);
    const withToken = streams.filter((s) => s.state.tokens > 0).length;
    results.note(
      `Chat streams: ${STREAMS} requested, ${opened} opened, ${withToken} received their first token, ${held} still open with at least one \`: ping\`; ` +
        `API RSS ${round(idleRss, 0)} MiB idle → ${round(rss, 0)} MiB holding them (≈ ${round(((rss - idleRss) * 1024) / Math.max(held, 1), 0)} KiB per stream).` +
        (failures.length ? ` ${failures.length} failed, e.g. ${[...new Set(failures)].slice(0, 2).join('; ')}.` : ''),
    );
    if (upstream.unexpected.length) results.note(`The stand-in model saw unexpected calls: ${[...new Set(upstream.unexpected)].join(', ')}.`);
  } finally {
    for (const stream of streams) stream.close();
    await sleep(2000); // lets the API release each stream's slot before it shuts down
    await upstream.stop();
    await api.stop();
  }
}

function openStream(url, client, message) {
  const controller = new globalThis.AbortController();
  const state = { opened: false, ended: false, pings: 0, tokens: 0, problem: null };
  let markOpened;
  const opened = new Promise((resolve, reject) => {
    markOpened = resolve;
    setTimeout(() => reject(new Error('not opened in time')), OPEN_TIMEOUT_MS).unref();
  });
  postSse(url, {
    headers: client.authHeaders,
    body: { message },
    signal: controller.signal,
    onEvent: (event) => {
      if (event.event === 'meta') {
        state.opened = true;
        markOpened();
      }
      if (event.event === 'token') state.tokens++;
      if (event.event === 'error') state.problem = event.data;
    },
    onComment: () => state.pings++,
  })
    .catch((error) => {
      if (!controller.signal.aborted) state.problem = error.message;
    })
    .finally(() => {
      state.ended = true;
    });
  return { state, opened, close: () => controller.abort() };
}

/** Resident set size of a process in MiB, from /proc (Linux). */
function rssMiB(pid) {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kib) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kib) / 1024;
}
