// Answer quality with the local providers: the suite's own organisation (bench/answers/) is
// uploaded through the API and ingested by the worker, then each question is asked over
// POST /chat by a member of its department, and the streamed answer and its citations are
// scored: the fact present with its file cited, refusals where another department owns the
// answer or nothing answers it, and leaks (a citation of, or a fact from, a document the asker
// may not read). Per-question outcomes go to bench/results/answers-detail.json. Afterwards its
// documents are deleted and purged, so the SciFact suites that follow see only their own corpus
// (SciFact is uploaded for everyone, so it would otherwise be in every member's answers too).
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { DEPARTMENTS, DOCUMENTS } from '../answers/corpus.mjs';
import { QUESTIONS } from '../answers/questions.mjs';
import { ApiClient } from '../lib/api-client.mjs';
import { root } from '../lib/product.mjs';
import { postSse } from '../lib/sse-client.mjs';
import { round } from '../lib/stats.mjs';

const require = createRequire(import.meta.url);
const fixtures = path.join(root, 'dist', 'libs', 'ingest', 'src', 'parsing', '__fixtures__');
const PASSWORD = 'answers-suite-password';
const READY_TIMEOUT_MS = 120_000;
const REFUSAL = /could not find that in the documents/i;
const CONTENT_TYPES = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', md: 'text/markdown', html: 'text/html', txt: 'text/plain' };

export async function runAnswers({ product, api, admin, results, log }) {
  const worker = await product.startWorker();
  if (!worker) throw new Error('dist/apps/worker/src/main.js is missing');
  let fileIds = new Map();
  try {
    const members = await createDepartmentsAndMembers(api, admin);
    fileIds = await uploadAll(admin, members, log);
    log(`answers: ${QUESTIONS.length} questions over ${DOCUMENTS.length} documents in ${Object.keys(DEPARTMENTS).length} departments`);
    const outcomes = [];
    for (const question of QUESTIONS) {
      const member = members[question.as];
      const reply = await ask(`${api.baseUrl}/chat`, member.client, question.q);
      outcomes.push(score(question, reply, member.readable, fileIds));
    }
    report(outcomes, results, log);
    writeFileSync(path.join(root, 'bench', 'results', 'answers-detail.json'), `${JSON.stringify(outcomes, null, 2)}\n`);
  } finally {
    await removeAll(admin, [...fileIds.values()], product.env.DATABASE_URL, log).finally(() => worker.stop());
  }
}

/** Deletes the suite's files and waits until the worker has purged their chunks. */
async function removeAll(admin, ids, databaseUrl, log) {
  for (const id of ids) await admin.request('DELETE', `/files/${id}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const { rows } = await client.query('select count(*)::int as left from chunks where file_id = any($1::uuid[])', [ids]);
      if (rows[0].left === 0) break;
      if (Date.now() > deadline) throw new Error(`${rows[0].left} chunks of the suite's files still there after ${READY_TIMEOUT_MS / 1000} s`);
      await sleep(250);
    }
  } finally {
    await client.end();
  }
  if (ids.length) log(`answers: the suite's ${ids.length} documents deleted and purged`);
}

async function createDepartmentsAndMembers(api, admin) {
  const members = {};
  for (const [key, name] of Object.entries(DEPARTMENTS)) {
    const department = await admin.post('/org/departments', { name });
    const email = `answers-${key}@example.org`;
    await admin.post('/org/users', { email, password: PASSWORD, displayName: `${name} member`, role: 'member', departmentId: department.id });
    const { client } = await ApiClient.login(api.baseUrl, email, PASSWORD);
    members[key] = { departmentId: department.id, client, readable: new Set() };
  }
  return members;
}

async function bytesOf(document) {
  if (document.pdf) return Buffer.from(require(path.join(fixtures, 'pdf.fixture.js')).buildPdf(document.pdf));
  if (document.docx) return require(path.join(fixtures, 'docx.fixture.js')).buildDocx(document.docx);
  return Buffer.from(document.text, 'utf8');
}

/** Uploads every document into its department and waits until all are ready; filename → file id. */
async function uploadAll(admin, members, log) {
  const fileIds = new Map();
  for (const document of DOCUMENTS) {
    const visibility = document.visibility ?? 'department';
    const extension = document.filename.split('.').pop();
    const file = await admin.upload(
      '/files',
      { departmentId: members[document.owner].departmentId, visibility },
      { filename: document.filename, content: await bytesOf(document), contentType: CONTENT_TYPES[extension] },
    );
    fileIds.set(document.filename, file.id);
    for (const [key, member] of Object.entries(members)) if (visibility === 'organization' || key === document.owner) member.readable.add(file.id);
  }
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const files = await Promise.all([...fileIds.values()].map((id) => admin.get(`/files/${id}`)));
    const failed = files.filter((file) => file.status === 'failed');
    if (failed.length) throw new Error(`ingestion failed for ${failed.map((f) => `${f.filename} (${f.error?.code})`).join(', ')}`);
    if (files.every((file) => file.status === 'ready')) break;
    if (Date.now() > deadline) throw new Error(`documents not ready after ${READY_TIMEOUT_MS / 1000} s`);
    await sleep(250);
  }
  log(`answers: ${fileIds.size} documents ready`);
  return fileIds;
}

async function ask(url, client, message) {
  let answer = '';
  let citations = [];
  let error = null;
  const steps = [];
  await postSse(url, {
    headers: client.authHeaders,
    body: { message },
    onEvent: ({ event, data }) => {
      if (event === 'token') answer += JSON.parse(data).text;
      else if (event === 'citations') citations = JSON.parse(data).citations;
      else if (event === 'status') steps.push(JSON.parse(data));
      else if (event === 'error') error = JSON.parse(data);
    },
  });
  if (error) throw new Error(`chat failed on "${message}": ${error.code} ${error.message}`);
  return { answer, citations, steps };
}

const normalise = (text) => text.normalize('NFKC').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').toLowerCase();
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whether `text` holds `fact` as whole words: "95,000 euros" does not hold "5,000 euros". */
const holds = (text, fact) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(normalise(fact))}(?![\\p{L}\\p{N}])`, 'u').test(normalise(text));
const plainTextOf = (document) => document.text ?? (document.pdf ? document.pdf.flat().join(' ') : document.docx.map((p) => p.text).join(' '));

/**
 * The facts a member must never be told: those of the questions whose document they may not
 * read, less any a document they may read says too ("two working days" is in several).
 */
function foreignFactsFor(readableFiles) {
  const readableText = DOCUMENTS.filter((d) => readableFiles.has(d.filename))
    .map(plainTextOf)
    .join('\n');
  return QUESTIONS.filter((q) => q.fact && !readableFiles.has(q.file))
    .flatMap((q) => q.fact)
    .filter((fact) => !holds(readableText, fact));
}

function score(question, { answer, citations, steps }, readable, fileIds) {
  const cited = [...new Set(citations.map((c) => c.filename))];
  const refused = REFUSAL.test(answer) && citations.length === 0;
  // A leak is a cited file the asker may not read, or a fact only a document they may not read holds.
  const readableFiles = new Set([...fileIds].filter(([, id]) => readable.has(id)).map(([name]) => name));
  const suiteFiles = new Set(fileIds.values());
  const leaked = citations.some((c) => suiteFiles.has(c.fileId) && !readable.has(c.fileId)) || foreignFactsFor(readableFiles).some((fact) => holds(answer, fact));
  const outcome = { kind: question.kind, heldOut: question.heldOut, as: question.as, question: question.q, answer, cited, leaked, steps };
  if (question.kind !== 'answer') return { ...outcome, correct: refused };
  const related = new Set([question.file, ...(question.alsoFiles ?? [])]);
  const hasFact = question.fact.some((fact) => holds(answer, fact));
  return { ...outcome, correct: hasFact && cited.includes(question.file), unrelatedCited: cited.filter((name) => !related.has(name)) };
}

function rate(outcomes) {
  return outcomes.length ? round(outcomes.filter((o) => o.correct).length / outcomes.length, 3) : undefined;
}

function report(outcomes, results, log) {
  const of = (kind, heldOut) => outcomes.filter((o) => o.kind === kind && (heldOut === undefined || o.heldOut === heldOut));
  const answerable = of('answer');
  const refusals = [...of('other-department'), ...of('unanswerable')];
  results.set('answers.questions', outcomes.length);
  results.set('answers.answered.rate', rate(answerable));
  results.set('answers.answered.tunedRate', rate(of('answer', false)));
  results.set('answers.answered.heldOutRate', rate(of('answer', true)));
  results.set('answers.otherDepartment.refusedRate', rate(of('other-department')));
  results.set('answers.unanswerable.refusedRate', rate(of('unanswerable')));
  results.set('answers.refused.heldOutRate', rate(refusals.filter((o) => o.heldOut)));
  results.set('answers.leaks', outcomes.filter((o) => o.leaked).length);
  results.set('answers.unrelatedCitations', answerable.filter((o) => o.unrelatedCited.length > 0).length);
  const wrong = outcomes.filter((o) => !o.correct || o.leaked);
  results.note(
    `Answers: ${answerable.filter((o) => o.correct).length} of ${answerable.length} answerable questions answered with their fact and file ` +
      `(${of('answer', true).filter((o) => o.correct).length} of ${of('answer', true).length} held out); ` +
      `${refusals.filter((o) => o.correct).length} of ${refusals.length} refusals right; ` +
      `${answerable.filter((o) => o.unrelatedCited.length > 0).length} answers also cited an unrelated file. Per question: bench/results/answers-detail.json.`,
  );
  // Held-out questions are only counted here, so that reading the log while tuning does not tune on them.
  for (const o of wrong.filter((o) => !o.heldOut)) log(`answers: ${o.leaked ? 'LEAK' : 'wrong'} [${o.kind}] ${o.question} → ${o.answer.slice(0, 160)}`);
  const heldOutWrong = wrong.filter((o) => o.heldOut);
  if (heldOutWrong.length) log(`answers: ${heldOutWrong.length} held-out questions wrong (${heldOutWrong.filter((o) => o.leaked).length} leaks); see answers-detail.json`);
}
