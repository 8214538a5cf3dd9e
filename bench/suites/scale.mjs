// The cost curve: the corpus grows from 1× to 10× SciFact through the real path (POST /files →
// queue → worker), in batches of one SciFact each (the first the originals, the others
// generated from them, bench/lib/scifact-growth.mjs), and at 1×, 4× and 10× the run measures
// ingestion, search, chat's first token, memory, disk and nDCG@10 on the original test queries.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ndcgAt, rankDocuments, recallAt } from '../lib/beir-metrics.mjs';
import { runJsonChild } from '../lib/child-process.mjs';
import { histogramQuantile } from '../lib/prometheus-histogram.mjs';
import { cpuSeconds, diskMiB, memoryMiB, processTree, waitForProcessesQuiet } from '../lib/process-stats.mjs';
import { root } from '../lib/product.mjs';
import { BenchResults } from '../lib/results.mjs';
import { loadScifact } from '../lib/scifact.mjs';
import { growScifact } from '../lib/scifact-growth.mjs';
import { mean, round, summarize } from '../lib/stats.mjs';
import { HOSTED_MODEL_TOKEN_DELAY_MS, measureChats, QUESTIONS_PER_WORKLOAD } from './chat-ttft.mjs';
import { runIngest } from './ingest.mjs';

const SCALE_SIZES = [1, 4, 10];
// Test queries whose full-text plan is recorded at every size: fixed, so the plans compare.
const EXPLAINED_QUERIES = 3;

/** Every document a train or test query judges. */
function judgedDocuments(scifact) {
  return new Set(['train', 'test'].flatMap((split) => [...scifact.qrels(split).values()].flatMap((relevance) => [...relevance.keys()])));
}

// A trial run on the first n documents (batches of n), to try the suite in minutes; its figures say nothing of SciFact.
const TRIAL_DOCS = Number(process.env.BENCH_SCALE_DOCS ?? 0);

export async function runScale({ product, api, admin, adminUser, results, log }) {
  const scifact = loadScifact();
  if (TRIAL_DOCS > 0) {
    scifact.corpus = scifact.corpus.slice(0, TRIAL_DOCS);
    results.note(`Scale: a trial run (BENCH_SCALE_DOCS=${TRIAL_DOCS}): batches of ${TRIAL_DOCS} documents, not SciFact's 5,183.`);
  }
  const batchSize = scifact.corpus.length;
  const largest = Math.max(...SCALE_SIZES);
  log(`scale: generating ${(largest - 1) * batchSize} documents from SciFact`);
  const grown = growScifact(scifact.corpus, (largest - 1) * batchSize, judgedDocuments(scifact));
  const batches = [scifact.corpus, ...Array.from({ length: largest - 1 }, (_, i) => grown.slice(i * batchSize, (i + 1) * batchSize))];
  const testQrels = scifact.qrels('test');
  const testQueries = [...testQrels.keys()].map((id) => ({ id, text: scifact.queries.get(id) }));
  // Train questions, the same at every size: each size's ingest bumps the corpus version, so the
  // search cache starts cold.
  const chatQuestions = [...scifact.qrels('train').keys()]
    .map((id) => scifact.queries.get(id))
    .filter(Boolean)
    .slice(0, QUESTIONS_PER_WORKLOAD);

  const worker = await product.startWorker();
  if (!worker) throw new Error('dist/apps/worker/src/main.js is missing');
  const postgresPid = Number(readFileSync(path.join(product.dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const services = {
    postgres: () => processTree(postgresPid),
    chroma: () => processTree(product.stack.chroma.child.pid),
    worker: () => processTree(worker.child.pid),
    redis: () => [product.stack.redis.child.pid],
  };
  const productPids = () => [...services.postgres(), ...services.chroma(), ...services.worker(), ...services.redis(), api.child.pid];
  const settle = async (when) => {
    const { seconds, quiet } = await waitForProcessesQuiet(productPids);
    log(`scale: ${quiet ? `the product's processes were quiet after ${seconds} s` : `the product's processes stayed busy for ${seconds} s; going on`} (${when})`);
    return { seconds, quiet };
  };

  const fileIdOfDoc = new Map();
  const batchRuns = [];
  const sizes = [];
  try {
    for (const size of SCALE_SIZES) {
      while (batchRuns.length < size) {
        const batch = batchRuns.length + 1;
        await settle(`before batch ${batch}`);
        const scratch = new BenchResults(); // runIngest's own keys are the ingest suite's
        const cpuBefore = cpuSeconds(productPids());
        const outcome = await runIngest({ product, admin, corpus: batches[batch - 1], workerMetricsUrl: worker.metricsUrl, results: scratch, log });
        if (!outcome.complete) throw new Error(`batch ${batch} was not fully ingested: ${scratch.unmeasured['ingest.scifact.secondsToAllReady'] ?? 'see the log'}`);
        for (const [docId, fileId] of outcome.fileIdOfDoc) fileIdOfDoc.set(docId, fileId);
        batchRuns.push({
          batch,
          docsPerSecond: outcome.docsPerSecond,
          seconds: scratch.figures['ingest.scifact.secondsToAllReady'],
          uploadSeconds: scratch.figures['ingest.scifact.uploadSeconds'],
          productCpuSeconds: cpuSeconds(productPids()) - cpuBefore,
          stageNote: scratch.notes.find((note) => note.startsWith("Ingestion, the worker's mean")),
        });
        log(`scale: batch ${batch} of ${largest}: ${round(outcome.docsPerSecond, 1)} docs/s`);
      }
      sizes.push(await measureSize({ size, product, admin, adminUser, fileIdOfDoc, testQueries, testQrels, chatQuestions, services, settle, batchRuns, results, log }));
    }
  } finally {
    await worker.stop();
  }
  noteCurve({ sizes, batchRuns, results });
  return { sizes, batchRuns };
}

async function measureSize({ size, product, admin, adminUser, fileIdOfDoc, testQueries, testQrels, chatQuestions, services, settle, batchRuns, results, log }) {
  const key = (name) => `scale.${size}x.${name}`;
  const settled = await settle(`before measuring ${size}×`);
  const lastBatch = batchRuns.at(-1);
  results.set(key('ingest.docsPerSecond'), round(lastBatch.docsPerSecond, 1));

  const corpus = await corpusFacts(product.env.DATABASE_URL);
  results.set(key('documents'), corpus.files);
  results.set(key('chunks'), corpus.chunks);

  log(`scale ${size}×: ${testQueries.length} test queries at limit 8 and 100, then each leg alone`);
  const input = path.join(product.dataDir, `scale-search-${size}.json`);
  const output = path.join(product.dataDir, `scale-search-${size}-out.json`);
  writeFileSync(input, JSON.stringify({ departmentId: adminUser.department.id, queries: testQueries, explainIds: testQueries.slice(0, EXPLAINED_QUERIES).map((q) => q.id) }));
  await runJsonChild(path.join(root, 'bench/workers/scale-search.mjs'), [input, output], { ...product.env, RETRIEVAL_CACHE_TTL_SECONDS: '0' }, 20 * 60_000);
  const searched = JSON.parse(readFileSync(output, 'utf8'));
  const chat = summarize(searched.chat.map((r) => r.ms));
  const scoring = summarize(searched.scoring.map((r) => r.ms));
  results.set(key('search.p50Ms'), chat.p50);
  results.set(key('search.p95Ms'), chat.p95);
  results.set(key('search.limit100.p50Ms'), scoring.p50);
  results.set(key('search.limit100.p95Ms'), scoring.p95);
  results.set(key('search.fullTextLeg.p50Ms'), summarize(searched.fullText.map((r) => r.ms)).p50);
  results.set(key('search.vectorLeg.p50Ms'), summarize(searched.vectors.map((r) => r.ms)).p50);

  const docIdsOfFile = new Map([...fileIdOfDoc].map(([docId, fileId]) => [fileId, [docId]]));
  const ndcg = [];
  const recall = [];
  for (const { id, fileIds } of searched.scoring) {
    const ranked = rankDocuments(fileIds, docIdsOfFile);
    ndcg.push(ndcgAt(10, ranked, testQrels.get(id)));
    recall.push(recallAt(100, ranked, testQrels.get(id)));
  }
  results.set(key('ndcg10'), round(mean(ndcg), 4));
  results.set(key('recall100'), round(mean(recall), 4));

  log(`scale ${size}×: paced chats (${HOSTED_MODEL_TOKEN_DELAY_MS} ms a word), 20 concurrent`);
  const pacedApi = await product.startApi({ LOCAL_CHAT_TOKEN_DELAY_MS: String(HOSTED_MODEL_TOKEN_DELAY_MS) });
  let apiMemory;
  try {
    const paced = await measureChats(pacedApi, admin, chatQuestions);
    if (paced.server.count > 0) {
      results.set(key('chat.server.p50Ms'), round(histogramQuantile(paced.server, 0.5) * 1000, 1));
      results.set(key('chat.server.p95Ms'), round(histogramQuantile(paced.server, 0.95) * 1000, 1));
    }
    results.set(key('chat.client.p50Ms'), paced.client.p50);
    results.set(key('chat.client.p95Ms'), paced.client.p95);
    results.note(
      `Scale ${size}×: paced chats at ${round(paced.chatsPerSecond, 1)} chats/s, ${paced.searchesPerChat} searches per chat; ` +
        `the warm-up's 20 chats sent at once reached their first token at p50 ${paced.burst.p50} ms, the last at ${paced.burst.max} ms.`,
    );
    apiMemory = memoryMiB(processTree(pacedApi.child.pid));
  } finally {
    await pacedApi.stop();
  }

  const memory = Object.fromEntries(Object.entries(services).map(([name, pids]) => [name, memoryMiB(pids())]));
  results.set(key('rssMiB.postgres'), memory.postgres.pss);
  results.set(key('rssMiB.chroma'), memory.chroma.rss);
  results.set(key('rssMiB.api'), apiMemory.rss);
  results.set(key('rssMiB.worker'), memory.worker.rss);
  results.set(key('rssMiB.redis'), memory.redis.rss);
  results.set(key('diskMiB.postgres'), diskMiB(path.join(product.dataDir, 'postgres')));
  results.set(key('diskMiB.chroma'), diskMiB(path.join(product.dataDir, 'chroma')));
  results.set(key('diskMiB.blobs'), diskMiB(product.env.STORAGE_DIR));
  results.set(key('diskMiB.redis'), diskMiB(path.join(product.dataDir, 'redis')));

  const legs = { fullText: summarize(searched.fullText.map((r) => r.ms)), vectors: summarize(searched.vectors.map((r) => r.ms)) };
  results.note(
    `Scale ${size}×: ${corpus.files.toLocaleString('en-US')} documents, ${corpus.chunks.toLocaleString('en-US')} chunks, ` +
      `${corpus.postings.toLocaleString('en-US')} postings (${corpus.relations}); the last batch took ${lastBatch.seconds} s (uploads ${lastBatch.uploadSeconds} s) ` +
      `and ${round(lastBatch.productCpuSeconds, 0)} CPU seconds of the product's processes. Legs alone at chat's limit: full text p50 ${legs.fullText.p50} / p95 ${legs.fullText.p95} ms, ` +
      `vectors (${2 * 24} unfiltered neighbours) p50 ${legs.vectors.p50} / p95 ${legs.vectors.p95} ms. PostgreSQL's memory is the proportional set size of all its processes ` +
      `(RSS ${memory.postgres.rss} MiB counts shared buffers once per backend). ${settled.quiet ? `The product's processes were quiet ${settled.seconds} s after the batch.` : `The product's processes were still busy ${settled.seconds} s after the batch.`}`,
  );
  if (lastBatch.stageNote) results.note(`Scale ${size}×, since the worker started: ${lastBatch.stageNote.replace(/^Ingestion, /, '')}`);
  return { size, plans: searched.plans, legs };
}

/** Row counts and sizes of the search tables, from the product's database. */
async function corpusFacts(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`
      select (select count(*)::int from files where status = 'ready') as files,
             (select count(*)::int from chunks) as chunks,
             (select count(*)::bigint from chunk_terms) as postings,
             pg_size_pretty(pg_total_relation_size('chunks')) as chunks_size,
             pg_size_pretty(pg_total_relation_size('chunk_terms')) as postings_size`);
    const [row] = rows;
    return { files: row.files, chunks: row.chunks, postings: Number(row.postings), relations: `chunks ${row.chunks_size}, chunk_terms ${row.postings_size} with indexes` };
  } finally {
    await client.end();
  }
}

/** Ratios to 1× (the targets), the batch-by-batch ingest rate, and the plans, as notes and files. */
function noteCurve({ sizes, batchRuns, results }) {
  const first = SCALE_SIZES[0];
  for (const size of SCALE_SIZES.slice(1)) {
    const ratio = (name) => {
      const base = results.figures[`scale.${first}x.${name}`];
      const value = results.figures[`scale.${size}x.${name}`];
      return base && value !== undefined ? round(value / base, 2) : null;
    };
    results.set(`scale.${size}x.search.p95Ratio`, ratio('search.p95Ms'));
    results.set(`scale.${size}x.ingest.docsPerSecondRatio`, ratio('ingest.docsPerSecond'));
    results.set(`scale.${size}x.chat.server.p95Ratio`, ratio('chat.server.p95Ms'));
    const ndcgBase = results.figures[`scale.${first}x.ndcg10`];
    const ndcg = results.figures[`scale.${size}x.ndcg10`];
    if (ndcgBase !== undefined && ndcg !== undefined) results.set(`scale.${size}x.ndcg10Drop`, round(ndcgBase - ndcg, 4));
  }
  results.note(
    `Scale, ingestion by batch of ${batchRuns.length > 1 ? 'one SciFact' : 'documents'} (documents/s, first upload to last \`ready\`): ` +
      batchRuns.map((run) => `${run.batch}: ${round(run.docsPerSecond, 1)}`).join(', ') +
      '. Each size\u2019s figure is the batch that brought the corpus to it.',
  );
  const plans = sizes.map(({ size, plans: sizePlans }) => [`## ${size}×`, ...sizePlans.map(({ id, text, plan }) => `### Query ${id}: ${text}\n\n\`\`\`\n${plan}\n\`\`\``)].join('\n\n')).join('\n\n');
  writeFileSync(
    path.join(root, 'bench', 'results', 'scale-plans.md'),
    `# Full-text leg plans at each corpus size\n\nWritten by \`npm run bench -- --only scale\`: \`EXPLAIN (ANALYZE, BUFFERS)\` of the BM25 statement as the leg runs it at chat's limit (24 hits, a shortlist of 192), for the same test queries at every size.\n\n${plans}\n`,
  );
  for (const { size, plans: sizePlans } of sizes) {
    const summary = sizePlans.map(({ plan }) => planSummary(plan)).filter(Boolean);
    if (summary.length) results.note(`Scale ${size}×, the full-text leg's plan for ${summary.length} fixed test queries (bench/results/scale-plans.md): ${summary.join('; ')}.`);
  }
}

/** Execution time, buffers touched and postings read, from one EXPLAIN (ANALYZE, BUFFERS). */
function planSummary(plan) {
  const time = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1];
  const buffers = /Buffers: shared hit=(\d+)(?: read=(\d+))?/.exec(plan);
  const postings = [...plan.matchAll(/Index Only Scan using \S+ on chunk_terms p(?:_\d+)? .*?rows=([\d.]+) loops=(\d+)/g)].map((m) => Number(m[1]) * Number(m[2]));
  if (!time) return null;
  const touched = buffers ? Number(buffers[1]) + Number(buffers[2] ?? 0) : null;
  return `${time} ms, ${touched ?? '?'} buffers${postings.length ? `, ${Math.round(Math.max(...postings)).toLocaleString('en-US')} postings read` : ''}`;
}
