// Opening a long conversation: the first page of GET /conversations/:id/messages (newest first,
// as the web app opens a chat) on a conversation of 10 messages and on one of 10,000, timed
// alternately in the same run so a drift in the machine's speed lands on both sizes alike.
import pg from 'pg';
import { ApiClient } from '../lib/api-client.mjs';
import { percentile, round } from '../lib/stats.mjs';

const CONVERSATION_SIZES = [10, 10_000];
const WARMUP = 30;
const SAMPLES = 300;
const WHOLE_SAMPLES = 20;
// Long enough that the 10,000 rows are a table PostgreSQL cannot keep in a few pages.
const FILLER = ' The quick brown fox jumps over the lazy dog.'.repeat(8);

export async function runConversations({ product, api, admin, results, log }) {
  // A member of its own: 10,000 messages in a demo user's list would slow the suites after this one.
  const [department] = await admin.get('/org/departments');
  const account = { email: `bench-long-${Date.now()}@example.org`, password: 'bench conversations password', displayName: 'Bench long conversations' };
  await admin.post('/org/users', { ...account, role: 'member', departmentId: department.id });
  const { client } = await ApiClient.login(api.baseUrl, account.email, account.password);
  const ids = {};
  for (const size of CONVERSATION_SIZES) {
    ids[size] = (await client.post('/conversations', { title: `Bench: ${size} messages` })).id;
    await seedLine(product.env.DATABASE_URL, ids[size], size);
  }
  const firstPage = (size, order = 'newest') => client.get(`/conversations/${ids[size]}/messages?order=${order}`);
  const page = await firstPage(10_000);
  if (page.items.length !== 20 || page.items[0].content !== `message 10000${FILLER}`) throw new Error('the first page of the long conversation is not its newest 20 messages');

  log(`conversations: first pages of ${CONVERSATION_SIZES.join(' and ')} messages, ${SAMPLES} each, alternating`);
  const samples = { newest: Object.fromEntries(CONVERSATION_SIZES.map((size) => [size, []])), oldest: Object.fromEntries(CONVERSATION_SIZES.map((size) => [size, []])) };
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    for (const order of ['newest', 'oldest']) {
      for (const size of CONVERSATION_SIZES) {
        const start = process.hrtime.bigint();
        await firstPage(size, order);
        if (i >= WARMUP) samples[order][size].push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }
  }
  for (const size of CONVERSATION_SIZES) {
    results.set(`conversations.messages.firstPage.p50Ms.${size}`, round(percentile(samples.newest[size], 50)));
    results.set(`conversations.messages.firstPage.p95Ms.${size}`, round(percentile(samples.newest[size], 95)));
    results.set(`conversations.messages.firstPageOldest.p95Ms.${size}`, round(percentile(samples.oldest[size], 95)));
  }
  // For contrast: the whole branch in one read, as GET /conversations/:id gives it.
  const whole = Object.fromEntries(CONVERSATION_SIZES.map((size) => [size, []]));
  for (let i = 0; i < WHOLE_SAMPLES; i++) {
    for (const size of CONVERSATION_SIZES) {
      const start = process.hrtime.bigint();
      await client.get(`/conversations/${ids[size]}`);
      whole[size].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  for (const size of CONVERSATION_SIZES) results.set(`conversations.detail.p95Ms.${size}`, round(percentile(whole[size], 95)));
  const [small, large] = CONVERSATION_SIZES;
  results.set('conversations.messages.firstPage.p95Ratio', round(percentile(samples.newest[large], 95) / percentile(samples.newest[small], 95), 2));
}

/** One line of `count` messages, question and answer in turn, each following the one before. */
async function seedLine(databaseUrl, conversationId, count) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(
      `with numbered as (select n, gen_random_uuid() as id from generate_series(1, $2::int) as n),
            linked as (select n, id, lag(id) over (order by n) as parent_id from numbered)
       insert into messages (id, conversation_id, role, content, status, created_at, updated_at, selected_at, parent_id)
       select id, $1, case when n % 2 = 1 then 'user' else 'assistant' end, 'message ' || n || $3, 'complete', at, at, at, parent_id
         from linked, lateral (select timestamptz '2026-11-01T00:00:00Z' + n * interval '1 second' as at) as t`,
      [conversationId, count, FILLER],
    );
    await db.query('analyze messages');
  } finally {
    await db.end();
  }
}
