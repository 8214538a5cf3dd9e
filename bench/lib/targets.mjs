// Every figure the issues name, with its unit, anchor and target. `required` figures make the
// run fail when they cannot be measured; the others are context (e.g. floors' p99).
export const SUITES = ['floors', 'http', 'conversations', 'ingest', 'retrieval', 'chat', 'web', 'answers'];
// Run only when named (`--only scale`): longer than the whole default run (bench/lib/scale-report.mjs).
export const OPTIONAL_SUITES = ['scale'];

export const FIGURES = [
  { key: 'floors.postgres.select1.p50Ms', suite: 'floors', label: 'PostgreSQL `SELECT 1` round trip p50', unit: 'ms', required: true },
  { key: 'floors.postgres.select1.p99Ms', suite: 'floors', label: 'PostgreSQL `SELECT 1` round trip p99', unit: 'ms', required: true },
  { key: 'floors.redis.ping.p50Ms', suite: 'floors', label: 'Redis `PING` round trip p50', unit: 'ms', required: true },
  { key: 'floors.redis.ping.p99Ms', suite: 'floors', label: 'Redis `PING` round trip p99', unit: 'ms', required: true },
  { key: 'floors.chroma.query.p50Ms', suite: 'floors', label: 'Chroma query alone (5,000 vectors, top 24) p50', unit: 'ms', required: true },
  { key: 'floors.chroma.query.p99Ms', suite: 'floors', label: 'Chroma query alone p99', unit: 'ms', required: true },

  { key: 'http.conversationsList.rps', suite: 'http', label: 'GET /conversations, authenticated: requests/s', unit: 'req/s', required: true },
  { key: 'http.conversationsList.p99Ms', suite: 'http', label: 'GET /conversations p99 latency', unit: 'ms', required: true },
  { key: 'http.conversationsList.baselineRps', suite: 'http', label: 'bare NestJS + `pg`, same SQL: requests/s', unit: 'req/s' },
  { key: 'http.conversationsList.baselineP99Ms', suite: 'http', label: 'bare NestJS + `pg` p99 latency', unit: 'ms' },
  { key: 'http.conversationsList.ratioToBaseline', suite: 'http', label: 'product rps / baseline rps', unit: '×', target: { op: '>=', value: 0.6 }, required: true },

  {
    key: 'conversations.messages.firstPage.p50Ms.10',
    suite: 'conversations',
    label: 'opening a conversation of 10 messages: first page of `GET /conversations/:id/messages` (newest 20), p50',
    unit: 'ms',
  },
  { key: 'conversations.messages.firstPage.p95Ms.10', suite: 'conversations', label: 'the same, p95', unit: 'ms', required: true },
  { key: 'conversations.messages.firstPage.p50Ms.10000', suite: 'conversations', label: 'opening a conversation of 10,000 messages, same run, alternating: p50', unit: 'ms' },
  { key: 'conversations.messages.firstPage.p95Ms.10000', suite: 'conversations', label: 'the same, p95', unit: 'ms', required: true },
  { key: 'conversations.messages.firstPage.p95Ratio', suite: 'conversations', label: 'p95 at 10,000 messages / p95 at 10', unit: '×', target: { op: '<=', value: 1.5 }, required: true },
  { key: 'conversations.messages.firstPageOldest.p95Ms.10', suite: 'conversations', label: 'first page oldest first (`order=oldest`), 10 messages, p95', unit: 'ms' },
  { key: 'conversations.messages.firstPageOldest.p95Ms.10000', suite: 'conversations', label: 'first page oldest first, 10,000 messages, p95', unit: 'ms' },
  { key: 'conversations.detail.p95Ms.10', suite: 'conversations', label: 'for contrast, the whole branch in one read (`GET /conversations/:id`), 10 messages, p95', unit: 'ms' },
  { key: 'conversations.detail.p95Ms.10000', suite: 'conversations', label: 'the whole branch in one read, 10,000 messages, p95', unit: 'ms' },

  { key: 'ingest.scifact.docsPerSecond', suite: 'ingest', label: 'SciFact through the API: documents/s', unit: 'docs/s', required: true },
  { key: 'ingest.scifact.chunksPerSecond', suite: 'ingest', label: 'chunks/s', unit: 'chunks/s' },
  { key: 'ingest.scifact.secondsToAllReady', suite: 'ingest', label: 'first upload → last file `ready`', unit: 's', target: { op: '<', value: 90 }, required: true },
  { key: 'ingest.scifact.uploadSeconds', suite: 'ingest', label: 'all uploads answered', unit: 's' },
  {
    key: 'ingest.scifact.directSeconds',
    suite: 'ingest',
    label: 'same parse → chunk → embed → index in one process, no queue, whole corpus (mean rate of a run before and one after the API run)',
    unit: 's',
  },
  { key: 'ingest.scifact.overheadRatio', suite: 'ingest', label: 'API + queue time / one-process time', unit: '×', target: { op: '<', value: 1.5 }, required: true },
  {
    key: 'ingest.scifact.reembedSeconds',
    suite: 'ingest',
    label: 're-embed of the whole corpus: `POST /files/reembed` → `completed` (new vectors from the stored chunks, beside the old ones)',
    unit: 's',
    required: true,
  },
  { key: 'ingest.reembed.searchP50Ms', suite: 'ingest', label: 'search as chat calls it (limit 8, uncached) during the re-embed, back to back, p50', unit: 'ms', required: true },
  { key: 'ingest.reembed.searchP95Ms', suite: 'ingest', label: 'the same, p95', unit: 'ms' },
  { key: 'ingest.reembed.baselineSearchP50Ms', suite: 'ingest', label: 'the same searches just before the re-embed, p50', unit: 'ms', required: true },
  { key: 'ingest.reembed.baselineSearchP95Ms', suite: 'ingest', label: 'the same searches just before the re-embed, p95', unit: 'ms' },

  { key: 'retrieval.scifact.ndcg10', suite: 'retrieval', label: 'SciFact test nDCG@10 (300 queries)', unit: '', anchor: 'BM25 0.665', target: { op: '>=', value: 0.7 }, required: true },
  { key: 'retrieval.scifact.recall100', suite: 'retrieval', label: 'SciFact test Recall@100', unit: '', anchor: 'BM25 0.908', target: { op: '>=', value: 0.908 }, required: true },
  { key: 'retrieval.scifact.docsReturnedMean', suite: 'retrieval', label: 'distinct documents per query at limit 100 (mean)', unit: 'docs' },
  { key: 'retrieval.latencyMs.p50', suite: 'retrieval', label: 'search as chat calls it (limit 8, uncached) p50', unit: 'ms', required: true },
  { key: 'retrieval.latencyMs.p95', suite: 'retrieval', label: 'search as chat calls it p95', unit: 'ms', required: true },
  { key: 'retrieval.latencyMs.limit100.p50', suite: 'retrieval', label: 'search at limit 100 (uncached) p50', unit: 'ms' },
  { key: 'retrieval.latencyMs.limit100.p95', suite: 'retrieval', label: 'search at limit 100 p95', unit: 'ms' },

  {
    key: 'chat.ttftMs.p50',
    suite: 'chat',
    label: 'first `token` event at 20 concurrent chats, answers streamed at a hosted model’s pace (20 ms a word), client-side p50',
    unit: 'ms',
    target: { op: '<=', value: 25 },
    required: true,
  },
  { key: 'chat.ttftMs.p95', suite: 'chat', label: 'the same, p95', unit: 'ms', target: { op: '<=', value: 60 }, required: true },
  {
    key: 'chat.ttftMs.server.p50',
    suite: 'chat',
    label: 'the same as server time, from the request reaching the API to its first `token` event: histogram `chat_first_token_seconds` (2.5 ms buckets to 35 ms, 5 ms to 70 ms, interpolated), p50',
    unit: 'ms',
    target: { op: '<=', value: 25 },
  },
  { key: 'chat.ttftMs.server.p95', suite: 'chat', label: 'server time p95', unit: 'ms', target: { op: '<=', value: 60 } },
  { key: 'chat.alone.ttftMs.p50', suite: 'chat', label: 'first `token` event, one chat at a time (the work in front of it), p50', unit: 'ms' },
  {
    key: 'chat.saturated.ttftMs.p50',
    suite: 'chat',
    label: 'first `token` event with 20 chats back to back, answers at once (saturated: ≈ 20 / throughput), p50',
    unit: 'ms',
    target: { op: '<=', value: 25 },
    required: true,
  },
  { key: 'chat.saturated.ttftMs.p95', suite: 'chat', label: 'the same, p95', unit: 'ms', target: { op: '<=', value: 60 }, required: true },
  { key: 'chat.saturated.chatsPerSecond', suite: 'chat', label: 'whole answers per second back to back', unit: 'chats/s' },
  { key: 'chat.streams.held', suite: 'chat', label: 'open chat SSE streams held, each past a `: ping` heartbeat', unit: 'streams', target: { op: '>=', value: 1000 }, required: true },
  { key: 'chat.streams.rssMiB', suite: 'chat', label: 'API process resident memory while holding them', unit: 'MiB', target: { op: '<', value: 1024 }, required: true },
  { key: 'chat.streams.idleRssMiB', suite: 'chat', label: 'the same process before the streams opened', unit: 'MiB' },

  { key: 'web.firstScreen.jsGzipKiB', suite: 'web', label: 'web app: JavaScript the first screen loads, gzipped', unit: 'KiB', target: { op: '<', value: 250 }, required: true },
  { key: 'web.signIn.fcpMs.p50', suite: 'web', label: 'sign-in page first contentful paint (cold load in Chromium), p50', unit: 'ms', required: true },
  { key: 'web.chat.sendToFirstWordMs.p50', suite: 'web', label: 'click on "Send" to the first answer word painted, p50 (answers at 20 ms a word)', unit: 'ms', required: true },
  { key: 'web.chat.apiFirstTokenMs.p50', suite: 'web', label: 'the same questions from a plain SSE client: first `token` event, p50', unit: 'ms', required: true },
  { key: 'web.chat.serverFirstTokenMs.p50', suite: 'web', label: 'the same run as server time (`chat_first_token_seconds`), p50', unit: 'ms' },
  { key: 'web.chat.pageAddsMs.p50', suite: 'web', label: 'what the page adds: "Send" to first word minus the API’s first token, p50', unit: 'ms', target: { op: '<', value: 50 }, required: true },
  { key: 'answers.questions', suite: 'answers', label: 'answer-quality suite: questions asked over POST /chat (bench/answers/: 20 documents in 5 formats, 4 departments)', unit: '', required: true },
  { key: 'answers.answered.rate', suite: 'answers', label: 'answerable questions answered with their fact and its file cited', unit: '', target: { op: '>=', value: 0.95 }, required: true },
  { key: 'answers.answered.tunedRate', suite: 'answers', label: 'the same, questions looked at while tuning', unit: '' },
  { key: 'answers.answered.heldOutRate', suite: 'answers', label: 'the same, held-out questions', unit: '' },
  { key: 'answers.otherDepartment.refusedRate', suite: 'answers', label: 'questions only another department’s documents answer: refused', unit: '', target: { op: '>=', value: 1 }, required: true },
  { key: 'answers.unanswerable.refusedRate', suite: 'answers', label: 'questions no document answers: refused', unit: '', target: { op: '>=', value: 1 }, required: true },
  { key: 'answers.refused.heldOutRate', suite: 'answers', label: 'held-out questions of both kinds: refused', unit: '' },
  { key: 'answers.leaks', suite: 'answers', label: 'answers citing, or quoting a fact of, a document the asker may not read', unit: '', target: { op: '<=', value: 0 }, required: true },
  { key: 'answers.unrelatedCitations', suite: 'answers', label: 'answerable questions whose answer also cites an unrelated file', unit: '' },
];

export function verdict(figure, value) {
  if (!figure.target || value === undefined) return null;
  const { op, value: goal } = figure.target;
  const met = op === '>=' ? value >= goal : op === '<=' ? value <= goal : op === '<' ? value < goal : value > goal;
  return met ? 'met' : 'missed';
}
