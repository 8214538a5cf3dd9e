// Time to the first `token` event at 20 concurrent chats with the local models, measured on
// the client from request start over loopback, and read from the server's own histogram.
import { performance } from 'node:perf_hooks';
import { histogramDelta, histogramQuantile, readHistogram } from '../lib/prometheus-histogram.mjs';
import { postSse } from '../lib/sse-client.mjs';
import { forEachLimited, mean, round, summarize } from '../lib/stats.mjs';

const CONCURRENT_CHATS = 20;
const MEASURED_CHATS = 300;
const WARMUP_CHATS = 40;
const FIRST_TOKEN_HISTOGRAM = 'chat_first_token_seconds';

export async function runChatTtft({ api, admin, questions, results, log }) {
  if (questions.length < WARMUP_CHATS + MEASURED_CHATS) throw new Error('not enough distinct questions for the chat run');
  const chat = (message) => firstTokenMs(`${api.baseUrl}/chat`, admin, message);

  log(`chat: ${WARMUP_CHATS} warm-up chats, then ${MEASURED_CHATS} at ${CONCURRENT_CHATS} concurrent`);
  await forEachLimited(questions.slice(0, WARMUP_CHATS), CONCURRENT_CHATS, chat);
  const before = readHistogram(await metricsText(api), FIRST_TOKEN_HISTOGRAM);
  const samples = [];
  const failures = [];
  const retrievals = [];
  const measuredFrom = performance.now();
  await forEachLimited(questions.slice(WARMUP_CHATS, WARMUP_CHATS + MEASURED_CHATS), CONCURRENT_CHATS, async (question) => {
    const outcome = await chat(question);
    if (outcome.ms === null) failures.push(outcome.problem);
    else samples.push(outcome.ms);
    if (outcome.retrievals !== undefined) retrievals.push(outcome.retrievals);
  });
  const seconds = (performance.now() - measuredFrom) / 1000;
  const after = readHistogram(await metricsText(api), FIRST_TOKEN_HISTOGRAM);
  if (failures.length) throw new Error(`${failures.length} of ${MEASURED_CHATS} chats streamed no token: ${[...new Set(failures)].slice(0, 3).join('; ')}`);

  const client = summarize(samples);
  // Little's law: with 20 chats always in flight, each waits about 20 / throughput when the
  // server is the bottleneck, which says whether the time is queueing or work.
  const chatsPerSecond = MEASURED_CHATS / seconds;
  results.note(
    `Chat: ${MEASURED_CHATS} whole answers in ${round(seconds, 1)} s = ${round(chatsPerSecond, 1)} chats/s at ${CONCURRENT_CHATS} in flight, ` +
      `i.e. ≈ ${round((CONCURRENT_CHATS / chatsPerSecond) * 1000, 0)} ms per answer end to end; first-token p50 ${client.p50} ms; ` +
      `${round(mean(retrievals), 2)} searches per chat.`,
  );
  results.set('chat.ttftMs.p50', client.p50);
  results.set('chat.ttftMs.p95', client.p95);
  const server = histogramDelta(before, after);
  if (server.count > 0) {
    results.set('chat.ttftMs.server.p50', round(histogramQuantile(server, 0.5) * 1000, 1));
    results.set('chat.ttftMs.server.p95', round(histogramQuantile(server, 0.95) * 1000, 1));
  } else {
    results.note(`Chat: /metrics shows no \`${FIRST_TOKEN_HISTOGRAM}\` observations, so only the client-side time is reported.`);
  }
}

/** Milliseconds from sending the request to the first `token` event, or why there was none. */
async function firstTokenMs(url, client, message) {
  const started = performance.now();
  let firstToken = null;
  let error = null;
  let retrievals = 0;
  try {
    await postSse(url, {
      headers: client.authHeaders,
      body: { message },
      signal: AbortSignal.timeout(60_000),
      onEvent: (event) => {
        if (event.event === 'token' && firstToken === null) firstToken = performance.now() - started;
        if (event.event === 'error') error = event.data;
        if (event.event === 'status') retrievals += searchesIn(JSON.parse(event.data));
      },
    });
  } catch (failure) {
    return { ms: null, problem: failure.message };
  }
  return firstToken === null ? { ms: null, problem: error ?? 'the stream ended without a token' } : { ms: firstToken, retrievals };
}

// A `retrieving` step searches once per quoted sub-query in its detail.
function searchesIn(status) {
  return status.step === 'retrieving' ? (status.detail?.split('", "').length ?? 1) : 0;
}

async function metricsText(api) {
  const response = await fetch(`${api.baseUrl}/metrics`);
  return response.text();
}
