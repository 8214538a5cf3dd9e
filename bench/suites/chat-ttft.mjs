// Time to the first `token` event at 20 concurrent chats with the local models, measured on
// the client from request start over loopback, and read from the server's own histogram.
//
// Two workloads. Paced: the local model streams each word after 20 ms, as a hosted model does,
// so 20 chats are concurrent the way 20 people chatting are, and the first token measures the
// work in front of it. Back-to-back: the model answers at once and each chat is followed at once
// by the next, so the server is saturated and, by Little's law, the first token waits
// ≈ 20 / throughput: a capacity figure.
//
// Each workload's 20 clients ask their next question as soon as an answer ends. The warm-up
// starts them in the same millisecond, which queues 20 searches behind one another: that burst
// is reported on its own. The measured clients start spread over one answer's time, as people
// chatting do, and only chats asked once all 20 run are measured.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { histogramDelta, histogramQuantile, readHistogram } from '../lib/prometheus-histogram.mjs';
import { postSse } from '../lib/sse-client.mjs';
import { forEachLimited, mean, percentile, round, summarize } from '../lib/stats.mjs';

const CONCURRENT_CHATS = 20;
const MEASURED_CHATS = 300;
const WARMUP_CHATS = 40;
const ALONE_CHATS = 30;
export const HOSTED_MODEL_TOKEN_DELAY_MS = 20;
const FIRST_TOKEN_HISTOGRAM = 'chat_first_token_seconds';

// Questions set aside for the chats asked while the measured clients start one by one (asked in turn, again and again).
const RAMP_CHATS = 2 * CONCURRENT_CHATS;

/** Distinct questions one measureChats run asks. */
export const QUESTIONS_PER_WORKLOAD = WARMUP_CHATS + RAMP_CHATS + MEASURED_CHATS;

const CHAT_TTFT_QUESTIONS = 2 * QUESTIONS_PER_WORKLOAD + ALONE_CHATS;

export async function runChatTtft({ product, api, admin, questions, results, log }) {
  if (questions.length < CHAT_TTFT_QUESTIONS) throw new Error('not enough distinct questions for the chat runs');
  const pacedQuestions = questions.slice(0, QUESTIONS_PER_WORKLOAD);
  const backToBackQuestions = questions.slice(QUESTIONS_PER_WORKLOAD, 2 * QUESTIONS_PER_WORKLOAD);
  const aloneQuestions = questions.slice(2 * QUESTIONS_PER_WORKLOAD, CHAT_TTFT_QUESTIONS);

  const pacedApi = await product.startApi({ LOCAL_CHAT_TOKEN_DELAY_MS: String(HOSTED_MODEL_TOKEN_DELAY_MS) });
  try {
    log(`chat: paced answers (${HOSTED_MODEL_TOKEN_DELAY_MS} ms a word), ${CONCURRENT_CHATS} concurrent`);
    const paced = await measureChats(pacedApi, admin, pacedQuestions);
    results.set('chat.ttftMs.p50', paced.client.p50);
    results.set('chat.ttftMs.p95', paced.client.p95);
    setServerQuantiles(results, 'chat.ttftMs.server', paced.server);
    results.note(
      `Chat, paced: ${MEASURED_CHATS} answers at ${CONCURRENT_CHATS} concurrent took ${round(paced.answerMs, 0)} ms each on average ` +
        `(${round(paced.chatsPerSecond, 1)} chats/s); first-token p50 ${paced.client.p50} ms; ${paced.searchesPerChat} searches per chat. ` +
        `The warm-up's ${CONCURRENT_CHATS} chats sent in the same millisecond reached their first token at p50 ${paced.burst.p50} ms, the last at ${paced.burst.max} ms.`,
    );
  } finally {
    await pacedApi.stop();
  }

  log(`chat: back-to-back answers, ${CONCURRENT_CHATS} in flight`);
  const saturated = await measureChats(api, admin, backToBackQuestions);
  results.set('chat.saturated.ttftMs.p50', saturated.client.p50);
  results.set('chat.saturated.ttftMs.p95', saturated.client.p95);
  results.set('chat.saturated.chatsPerSecond', round(saturated.chatsPerSecond, 1));
  results.note(
    `Chat, back-to-back: ${MEASURED_CHATS} whole answers at ${round(saturated.chatsPerSecond, 1)} chats/s with ${CONCURRENT_CHATS} in flight, ` +
      `i.e. ≈ ${round((CONCURRENT_CHATS / saturated.chatsPerSecond) * 1000, 0)} ms per answer end to end; first-token p50 ${saturated.client.p50} ms; ` +
      `${saturated.searchesPerChat} searches per chat.`,
  );

  // After the back-to-back run, so the process has warmed up on chats.
  log(`chat: ${ALONE_CHATS} chats one at a time`);
  const alone = [];
  for (const question of aloneQuestions) alone.push(await firstTokenMs(`${api.baseUrl}/chat`, admin, question));
  throwOnFailures(alone);
  results.set('chat.alone.ttftMs.p50', summarize(alone.map((o) => o.ms)).p50);
}

export async function measureChats(api, admin, questions) {
  const chat = (message) => firstTokenMs(`${api.baseUrl}/chat`, admin, message);
  const warmup = [];
  await forEachLimited(questions.slice(0, WARMUP_CHATS), CONCURRENT_CHATS, async (question, index) => {
    warmup[index] = await chat(question);
  });
  throwOnFailures(warmup);
  const burst = warmup.slice(0, CONCURRENT_CHATS).map((o) => o.ms);
  const answerMs = mean(warmup.map((o) => o.totalMs));

  // While the clients start, the first ones chat on: how many answers that takes depends on the
  // warm-up's answer time, so those unmeasured chats cycle through questions of their own; the
  // measured chats each ask a question nobody asked before, so the search cache never answers.
  const ramp = questions.slice(WARMUP_CHATS, WARMUP_CHATS + RAMP_CHATS);
  const measuredQuestions = questions.slice(WARMUP_CHATS + RAMP_CHATS);
  if (measuredQuestions.length < MEASURED_CHATS) throw new Error(`${MEASURED_CHATS} measured chats need ${QUESTIONS_PER_WORKLOAD} questions`);
  let rampAsked = 0;
  let started = 0;
  let before = null;
  let measuredFrom = null;
  let measuredAsked = 0;
  const outcomes = [];
  const clients = Array.from({ length: CONCURRENT_CHATS }, async (_, client) => {
    await sleep((client * answerMs) / CONCURRENT_CHATS);
    if (++started === CONCURRENT_CHATS) {
      before = readHistogram(await metricsText(api), FIRST_TOKEN_HISTOGRAM);
      measuredFrom = performance.now();
    }
    while (measuredAsked < MEASURED_CHATS) {
      if (measuredFrom === null) {
        await chat(ramp[rampAsked++ % ramp.length]);
        continue;
      }
      outcomes.push(await chat(measuredQuestions[measuredAsked++]));
    }
  });
  await Promise.all(clients);
  const seconds = (performance.now() - measuredFrom) / 1000;
  const after = readHistogram(await metricsText(api), FIRST_TOKEN_HISTOGRAM);

  throwOnFailures(outcomes);
  return {
    client: summarize(outcomes.map((o) => o.ms)),
    server: histogramDelta(before, after),
    burst: { p50: round(percentile(burst, 50), 0), max: round(Math.max(...burst), 0) },
    chatsPerSecond: MEASURED_CHATS / seconds,
    answerMs: mean(outcomes.map((o) => o.totalMs)),
    searchesPerChat: round(mean(outcomes.map((o) => o.searches)), 2),
  };
}

function throwOnFailures(outcomes) {
  const failures = outcomes.filter((o) => o.ms === null).map((o) => o.problem);
  if (failures.length) throw new Error(`${failures.length} of ${outcomes.length} chats streamed no token: ${[...new Set(failures)].slice(0, 3).join('; ')}`);
}

function setServerQuantiles(results, key, histogram) {
  if (histogram.count === 0) {
    results.note(`Chat: /metrics shows no \`${FIRST_TOKEN_HISTOGRAM}\` observations, so only the client-side time is reported.`);
    return;
  }
  results.set(`${key}.p50`, round(histogramQuantile(histogram, 0.5) * 1000, 1));
  results.set(`${key}.p95`, round(histogramQuantile(histogram, 0.95) * 1000, 1));
}

/** Milliseconds from sending the request to the first `token` event and to the end, or why there was no token. */
async function firstTokenMs(url, client, message) {
  const started = performance.now();
  let firstToken = null;
  let error = null;
  let searches = 0;
  try {
    await postSse(url, {
      headers: client.authHeaders,
      body: { message },
      signal: AbortSignal.timeout(60_000),
      onEvent: (event) => {
        if (event.event === 'token' && firstToken === null) firstToken = performance.now() - started;
        if (event.event === 'error') error = event.data;
        if (event.event === 'status') searches += searchesIn(JSON.parse(event.data));
      },
    });
  } catch (failure) {
    return { ms: null, problem: failure.message };
  }
  if (firstToken === null) return { ms: null, problem: error ?? 'the stream ended without a token' };
  return { ms: firstToken, totalMs: performance.now() - started, searches };
}

// A `retrieving` step searches once per quoted sub-query in its detail.
function searchesIn(status) {
  return status.step === 'retrieving' ? (status.detail?.split('", "').length ?? 1) : 0;
}

async function metricsText(api) {
  const response = await fetch(`${api.baseUrl}/metrics`);
  return response.text();
}
