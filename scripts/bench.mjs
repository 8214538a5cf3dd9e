// `npm run bench [-- --only floors,http,conversations,ingest,retrieval,chat,web,answers]`: boots the product on local
// defaults in a temp dir, measures it against its anchors and writes bench/results/latest.json
// and bench/README.md. Exits non-zero when a figure could not be measured. `--only scale` (run on
// its own, never by default) grows the corpus to 10× SciFact and merges its curve into both.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApiClient } from '../bench/lib/api-client.mjs';
import { cpuTimes, describeRun } from '../bench/lib/machine.mjs';
import { build, root, SEED, startProduct } from '../bench/lib/product.mjs';
import { updateMainReadme, resultsTable, writeBenchReadme, writeJson } from '../bench/lib/report.mjs';
import { waitForQuiet } from '../bench/lib/quiet.mjs';
import { BenchResults } from '../bench/lib/results.mjs';
import { loadScifact } from '../bench/lib/scifact.mjs';
import { mergeScale, readLatest, REQUIRED_SCALE_KEYS, SCALE_CHART, scaleFromRun, scaleOf, scaleSection, updateMainReadmeScale, writeScaleChart } from '../bench/lib/scale-report.mjs';
import { FIGURES, OPTIONAL_SUITES, SUITES } from '../bench/lib/targets.mjs';
import { runChatStreams } from '../bench/suites/chat-streams.mjs';
import { runAnswers } from '../bench/suites/answers.mjs';
import { runChatTtft } from '../bench/suites/chat-ttft.mjs';
import { runConversations } from '../bench/suites/conversations.mjs';
import { runFloors } from '../bench/suites/floors.mjs';
import { runHttp } from '../bench/suites/http.mjs';
import { runIngest, setOverhead, timeDirectIngest } from '../bench/suites/ingest.mjs';
import { runReembed } from '../bench/suites/reembed.mjs';
import { runRetrieval } from '../bench/suites/retrieval.mjs';
import { runScale } from '../bench/suites/scale.mjs';
import { runWeb } from '../bench/suites/web.mjs';

const { values: args } = parseArgs({ options: { only: { type: 'string' }, 'skip-build': { type: 'boolean' }, 'report-only': { type: 'boolean' } } });
const latestFile = path.join(root, 'bench', 'results', 'latest.json');
const readText = (...parts) => readFileSync(path.join(root, 'bench', ...parts), 'utf8');

/** Both READMEs from latest.json: the full run's table, and the scale curve if one was run. */
function renderReports() {
  const { scaleMeta: _meta, scaleNotes: _notes, ...latest } = readLatest(latestFile);
  const { results, run, suites } = BenchResults.fromJson(latest);
  const scale = scaleOf(readLatest(latestFile));
  const analysis = readText('lib', 'scale-limits.md');
  const scaleText = scale ? `## Scale: the cost curve\n\n${scaleSection(scale, { chartPath: path.relative('bench', SCALE_CHART), analysis })}\n` : '';
  if (scale) writeScaleChart(scale);
  writeBenchReadme(run, results, suites, readText('lib', 'method.md'), readText('lib', 'limits.md'), scaleText);
  updateMainReadme(run, results, suites);
  if (scale) updateMainReadmeScale(scale, analysis);
}

// --report-only renders bench/README.md and the README table again from latest.json, e.g. after
// the method text changed, without measuring anything.
if (args['report-only']) {
  renderReports();
  console.log('bench/README.md and the README table rendered from bench/results/latest.json');
  process.exit(0);
}

const known = [...SUITES, ...OPTIONAL_SUITES];
const suites = args.only ? args.only.split(',').map((s) => s.trim()) : SUITES;
const unknown = suites.filter((s) => !known.includes(s));
if (unknown.length) {
  console.error(`Unknown suite(s): ${unknown.join(', ')}. Known: ${known.join(', ')}`);
  process.exit(2);
}
// The scale suite grows its own corpus from empty, so no other suite's documents may be there.
if (suites.includes('scale') && suites.length > 1) {
  console.error('The scale suite runs on its own: npm run bench -- --only scale');
  process.exit(2);
}
const selected = (suite) => suites.includes(suite);
const fullRun = SUITES.every(selected);

const startedAt = Date.now();
const loadAtStart = os.loadavg()[0];
const cpuAtStart = cpuTimes();
const log = (message) => console.log(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const results = new BenchResults();
const keysOf = (...names) => FIGURES.filter((f) => names.includes(f.suite) || names.includes(f.key)).map((f) => f.key);

let product = null;
let stopped = null;
let interrupted = false;
/** Stops what the run started; every caller waits for the same stop. */
function stopEverything() {
  if (!product) return Promise.resolve();
  stopped ??= product.stop().catch((error) => console.error(`stopping the product: ${error.message}`));
  return stopped;
}
// An interrupted run stops its services and exits without writing results, so a Ctrl-C never
// replaces the published figures with a half-measured run.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    interrupted = true;
    log(`${signal}: stopping the services`);
    if (product) void stopEverything().then(() => process.exit(130));
  });
}

/**
 * Searches are timed on a settled index: a bulk load leaves the database and Chroma busy for a
 * while (autovacuum, compaction), which is the ingest's cost, not a search's.
 */
async function settleAfterIngest() {
  log('waiting for the machine to settle after the bulk load');
  const { seconds, quiet } = await waitForQuiet();
  results.note(
    quiet
      ? `Searches and chats were timed once the CPUs had been under 10 % busy for 3 s, which took ${seconds} s after the ingest runs.`
      : `The CPUs stayed busy for ${seconds} s after the ingest runs; searches and chats were timed anyway.`,
  );
}

/** Each ingest run starts on a quiet machine: none inherits the previous one's upkeep (checkpoints, vacuum, compaction). */
async function settleBetweenIngests() {
  const { seconds, quiet } = await waitForQuiet();
  log(quiet ? `the machine was quiet after ${seconds} s` : `the CPUs stayed busy for ${seconds} s; going on`);
}

/** Runs one measurement; a failure marks its figures unmeasured with the reason, and the run goes on. */
async function measure(keys, work) {
  try {
    await work();
  } catch (error) {
    log(`FAILED: ${error.message}`);
    results.fail(keys, error.message);
  }
}

try {
  if (!args['skip-build']) build(log);
  log('starting PostgreSQL, Redis and Chroma, migrating, seeding');
  product = await startProduct({ log });
  if (interrupted) throw new Error('interrupted');
  // The floors need only the services, so they are measured even when the API will not start.
  if (selected('floors')) await measure(keysOf('floors'), () => runFloors({ product, results, log }));
  const api = await product.startApi();
  const { client: admin, user: adminUser } = await ApiClient.login(api.baseUrl, SEED.adminEmail, SEED.adminPassword);
  const context = { product, api, admin, results, log };

  if (selected('http')) await measure(keysOf('http'), () => runHttp(context));
  if (selected('conversations')) await measure(keysOf('conversations'), () => runConversations(context));
  // Before SciFact is uploaded for everyone, so the suite's members read only its organisation;
  // it deletes and purges its documents, so no later suite searches them.
  if (selected('answers')) await measure(keysOf('answers'), () => runAnswers(context));

  let corpus = null;
  let directBefore = null;
  if (selected('ingest') || selected('retrieval')) {
    await measure(keysOf('ingest', 'retrieval'), async () => {
      if (!(await admin.hasRoute('POST', '/files'))) throw new Error('POST /api/v1/files is not in this build: the files/ingestion work (issue 3) has not landed');
      const scifact = loadScifact();
      if (selected('ingest')) {
        directBefore = await timeDirectIngest({ product, docs: scifact.corpus, log });
        await settleBetweenIngests();
      }
      const worker = await product.startWorker();
      if (!worker) throw new Error('dist/apps/worker/src/main.js is missing: the ingestion worker (issue 3) has not landed');
      try {
        corpus = { scifact, ...(await runIngest({ ...context, corpus: scifact.corpus, workerMetricsUrl: worker.metricsUrl })) };
        if (selected('ingest')) {
          const reembedKeys = FIGURES.filter((f) => f.key.startsWith('ingest.reembed.') || f.key === 'ingest.scifact.reembedSeconds').map((f) => f.key);
          if (!corpus.complete) results.fail(reembedKeys, 'the corpus was not fully ingested (see ingest.scifact.secondsToAllReady)');
          else {
            await settleBetweenIngests();
            // Its searches run with the cache off, so they leave nothing cached for the suites after it.
            const questions = [...scifact.qrels('train').keys()]
              .map((id) => scifact.queries.get(id))
              .filter(Boolean)
              .slice(0, 200);
            await measure(reembedKeys, () => runReembed({ ...context, departmentId: adminUser.department.id, questions }));
          }
        }
      } finally {
        await worker.stop(); // a worker still busy would share the CPU with the one-process run
      }
    });
  }
  if (corpus && selected('ingest')) {
    await measure(['ingest.scifact.overheadRatio', 'ingest.scifact.directSeconds'], async () => {
      await settleBetweenIngests();
      const directAfter = await timeDirectIngest({ product, docs: corpus.accepted, log });
      setOverhead({ results, before: directBefore, after: directAfter, apiDocsPerSecond: corpus.docsPerSecond });
    });
  }
  if (corpus && (selected('retrieval') || selected('chat'))) await settleAfterIngest();
  if (corpus && selected('retrieval')) {
    if (!corpus.complete) results.fail(keysOf('retrieval'), 'the corpus was not fully ingested (see ingest.scifact.secondsToAllReady), so scores would be meaningless');
    else await measure(keysOf('retrieval'), () => runRetrieval({ ...context, scifact: corpus.scifact, fileIdOfDoc: corpus.fileIdOfDoc, departmentId: adminUser.department.id }));
  }
  if (selected('scale')) await measure(REQUIRED_SCALE_KEYS, () => runScale({ ...context, adminUser }));
  if (selected('chat')) {
    const chatLanded = await admin.hasRoute('POST', '/chat');
    if (!chatLanded) results.fail(keysOf('chat'), 'POST /api/v1/chat is not in this build: the chat work (issue 4) has not landed');
    else {
      if (!corpus?.complete) results.note('Chat ran without the full SciFact corpus indexed (not selected, or its ingestion did not finish), so its retrieval had less to search.');
      const scifact = corpus?.scifact ?? loadScifact();
      // Train queries: distinct questions the retrieval suite never asked, so the search cache starts cold.
      const questions = [...scifact.qrels('train').keys()].map((id) => scifact.queries.get(id)).filter(Boolean);
      const firstTokenKeys = keysOf('chat').filter((key) => !key.startsWith('chat.streams.'));
      await measure(firstTokenKeys, () => runChatTtft({ ...context, questions }));
      await measure(keysOf('chat.streams.held', 'chat.streams.rssMiB', 'chat.streams.idleRssMiB'), () => runChatStreams(context));
    }
  }
  if (selected('web')) await measure(keysOf('web'), () => runWeb(context));
} catch (error) {
  log(`FAILED before measuring: ${error.stack ?? error.message}`);
  results.fail(
    FIGURES.map((f) => f.key),
    `the run stopped early: ${error.message}`,
  );
} finally {
  log('stopping the services');
  await stopEverything();
}
if (interrupted) process.exit(130);

const run = describeRun({ loadAtStart, cpuAtStart });
if (selected('scale')) {
  // The curve goes into latest.json beside the full run's figures, and into both READMEs.
  mergeScale(latestFile, scaleFromRun(run, results));
  renderReports();
  for (const note of results.notes) console.log(`- ${note}`);
  log('merged the scale figures into bench/results/latest.json; wrote bench/results/scale.svg, bench/README.md and the README');
} else {
  const previousScale = scaleOf(readLatest(latestFile));
  const outFile = fullRun ? latestFile : path.join(root, 'bench', 'results', `latest-${suites.join('-')}.json`);
  writeJson(outFile, run, results, suites);
  if (fullRun) {
    if (previousScale) mergeScale(latestFile, previousScale); // the last scale run's curve stays
    renderReports();
  }
  console.log(`\n${resultsTable(results, suites)}\n`);
  for (const note of results.notes) console.log(`- ${note}`);
  log(`wrote ${path.relative(root, outFile)}${fullRun ? ' and bench/README.md' : ' (a subset run leaves bench/README.md as it was)'}`);
}

const missing = [
  ...FIGURES.filter((f) => f.required && selected(f.suite) && !(f.key in results.figures)).map((f) => f.key),
  ...(selected('scale') ? REQUIRED_SCALE_KEYS.filter((key) => !(key in results.figures)) : []),
];
if (missing.length) {
  console.error(`Not measured: ${missing.join(', ')}`);
  process.exit(1);
}
process.exit(0);
