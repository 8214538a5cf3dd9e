// GET /conversations under load against a bare NestJS route doing the same SQL, in the same
// run and alternating rounds, so the ratio holds even when the machine's speed drifts.
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { freePort } from '../../scripts/lib/local-stack.mjs';
import { ApiClient } from '../lib/api-client.mjs';
import { runJsonChild, startChild } from '../lib/child-process.mjs';
import { root, SEED } from '../lib/product.mjs';
import { mean, round } from '../lib/stats.mjs';

const CONVERSATIONS = 20; // one default page
const MESSAGES_PER_CONVERSATION = 4;
const CONNECTIONS = 16;
const ROUND_SECONDS = 10;
const ROUNDS = 2;

export async function runHttp({ product, api, results, log }) {
  const { client, user } = await ApiClient.login(api.baseUrl, 'alice@example.org', SEED.memberPassword);
  await seedConversations(client, product.env.DATABASE_URL);

  const port = await freePort();
  const baseline = startChild(path.join(root, 'bench/baseline/conversations-baseline.mjs'), [], { ...product.env, PORT: String(port), BASELINE_USER_ID: user.id });
  try {
    const baselineUrl = `http://127.0.0.1:${port}/api/v1/conversations`;
    await waitForOk(baselineUrl, baseline.child);
    const productUrl = `${api.baseUrl}/conversations`;
    const headers = { authorization: `Bearer ${client.accessToken}` };
    await checkSameAnswer(productUrl, baselineUrl, headers);

    const load = (url, seconds, loadHeaders = {}) =>
      runJsonChild(
        path.join(root, 'bench/workers/autocannon-run.mjs'),
        [JSON.stringify({ url, connections: CONNECTIONS, duration: seconds, headers: loadHeaders })],
        process.env,
        (seconds + 60) * 1000,
      );

    log('http: warming up both servers');
    await load(productUrl, 3, headers);
    await load(baselineUrl, 3);
    const productRuns = [];
    const baselineRuns = [];
    for (let i = 1; i <= ROUNDS; i++) {
      log(`http: round ${i}/${ROUNDS}, ${CONNECTIONS} connections × ${ROUND_SECONDS} s each`);
      productRuns.push(await load(productUrl, ROUND_SECONDS, headers));
      baselineRuns.push(await load(baselineUrl, ROUND_SECONDS));
    }
    const failed = [...productRuns, ...baselineRuns].filter((r) => r.non2xx > 0 || r.errors > 0);
    if (failed.length) throw new Error(`load runs saw errors or non-2xx answers: ${JSON.stringify(failed)}`);

    const productRps = mean(productRuns.map((r) => r.rps));
    const baselineRps = mean(baselineRuns.map((r) => r.rps));
    results.set('http.conversationsList.rps', round(productRps, 0));
    results.set('http.conversationsList.p99Ms', Math.max(...productRuns.map((r) => r.p99Ms)));
    results.set('http.conversationsList.baselineRps', round(baselineRps, 0));
    results.set('http.conversationsList.baselineP99Ms', Math.max(...baselineRuns.map((r) => r.p99Ms)));
    results.set('http.conversationsList.ratioToBaseline', round(productRps / baselineRps, 3));
  } finally {
    await baseline.stop();
  }
}

async function seedConversations(client, databaseUrl) {
  const ids = [];
  for (let i = 0; i < CONVERSATIONS; i++) ids.push((await client.post('/conversations', { title: `Bench conversation ${i + 1}` })).id);
  // Messages only come from chat; written directly so every row has a count to compute.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(
      `insert into messages (id, conversation_id, role, content, status, created_at, updated_at, selected_at)
       select gen_random_uuid(), c.id, case when n % 2 = 0 then 'user' else 'assistant' end, 'message ' || n, 'complete', now(), now(), now()
         from unnest($1::uuid[]) as c(id), generate_series(1, $2) as n`,
      [ids, MESSAGES_PER_CONVERSATION],
    );
  } finally {
    await db.end();
  }
}

async function checkSameAnswer(productUrl, baselineUrl, headers) {
  const [fromProduct, fromBaseline] = await Promise.all([fetch(productUrl, { headers }).then((r) => r.json()), fetch(baselineUrl).then((r) => r.json())]);
  const summary = (page) => JSON.stringify(page.items?.map((item) => [item.id, item.messageCount]));
  if (summary(fromProduct) !== summary(fromBaseline)) throw new Error('the baseline does not answer the same page as the product');
}

async function waitForOk(url, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`baseline exited with ${child.exitCode}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(200);
  }
  throw new Error(`baseline not answering within ${timeoutMs} ms`);
}
