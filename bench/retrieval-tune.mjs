// `npm run bench:retrieval-tune [-- --split train|test] [--reingest] [--timed]`: SciFact through
// the product's own compiled ingest and search code in one process, scored like the bench's
// retrieval suite, for tuning retrieval in minutes instead of a full bench run. The stack and
// the index persist in --data-dir between runs; --reingest rebuilds the index (needed after a
// change to chunking, embeddings or the chunks table). Tune on train; look at test once.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startLocalStack } from '../scripts/lib/local-stack.mjs';
import { migrateUp } from '../scripts/lib/migrate.mjs';
import { ndcgAt, rankDocuments, recallAt } from './lib/beir-metrics.mjs';
import { runJsonChild } from './lib/child-process.mjs';
import { build, root } from './lib/product.mjs';
import { documentFileText, loadScifact } from './lib/scifact.mjs';
import { mean, round, summarize } from './lib/stats.mjs';

const { values: args } = parseArgs({
  options: {
    split: { type: 'string', default: 'train' },
    'data-dir': { type: 'string', default: path.join(os.tmpdir(), 'retrieval-tune') },
    reingest: { type: 'boolean' },
    timed: { type: 'boolean' },
    'skip-build': { type: 'boolean' },
  },
});
const dataDir = args['data-dir'];
const indexFile = path.join(dataDir, 'index.json');
const log = (message) => console.log(`[tune] ${message}`);

if (!args['skip-build']) build(log);
mkdirSync(dataDir, { recursive: true });
const stack = await startLocalStack({ dataDir, persistent: true });
const env = {
  ...process.env,
  ...stack.env,
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  JWT_SECRET: randomBytes(48).toString('base64url'),
  CHROMA_COLLECTION: 'tune_chunks',
  // Results must come from the code under test, never from a cache filled by an earlier build.
  RETRIEVAL_CACHE_TTL_SECONDS: '0',
};
try {
  await migrateUp(env.DATABASE_URL);
  const scifact = loadScifact();
  if (args.reingest || !existsSync(indexFile)) await reindex(scifact);
  const { departmentId, fileIdOfDoc } = JSON.parse(readFileSync(indexFile, 'utf8'));
  await score(scifact, departmentId, new Map(Object.entries(fileIdOfDoc)));
} finally {
  await stack.stop();
}

async function reindex(scifact) {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  await client.query('truncate chunks, files, departments, vector_spaces cascade');
  await client.end();
  // The collection is dropped so vectors of an older embedding never mix with the new ones; with
  // its vector spaces gone too, the next ingest creates it afresh for the configured model.
  const { ChromaClient } = createRequire(import.meta.url)('chromadb');
  const chroma = new URL(env.CHROMA_URL);
  await new ChromaClient({ host: chroma.hostname, port: Number(chroma.port) }).deleteCollection({ name: env.CHROMA_COLLECTION }).catch(() => {});

  const departmentId = randomUUID();
  const docs = scifact.corpus.map((doc) => ({ docId: String(doc._id), fileId: randomUUID(), filename: `${doc._id}.txt`, text: documentFileText(doc) }));
  const inputFile = path.join(dataDir, 'direct-ingest.json');
  writeFileSync(inputFile, JSON.stringify({ departmentId, concurrency: 16, docs }));
  log(`indexing ${docs.length} documents`);
  const result = await runJsonChild(path.join(root, 'bench/workers/direct-ingest.mjs'), [inputFile], env, 30 * 60_000);
  log(`indexed ${result.chunks} chunks in ${round(result.seconds, 1)} s`);
  writeFileSync(indexFile, JSON.stringify({ departmentId, fileIdOfDoc: Object.fromEntries(docs.map((d) => [d.docId, d.fileId])) }));
}

async function score(scifact, departmentId, fileIdOfDoc) {
  const qrels = scifact.qrels(args.split);
  const queries = [...qrels.keys()].map((id) => ({ id, text: scifact.queries.get(id) }));
  const runs = [{ name: 'scoring', limit: 100, queries }];
  if (args.timed) runs.unshift({ name: 'chat', limit: 8, queries });
  const inputFile = path.join(dataDir, 'queries.json');
  const outputFile = path.join(dataDir, 'queries-output.json');
  writeFileSync(inputFile, JSON.stringify({ departmentId, runs }));
  await runJsonChild(path.join(root, 'bench/workers/retrieval-queries.mjs'), [inputFile, outputFile], env, 30 * 60_000);
  const output = JSON.parse(readFileSync(outputFile, 'utf8'));

  const docIdsOfFile = new Map([...fileIdOfDoc].map(([docId, fileId]) => [fileId, [docId]]));
  const perQuery = output.scoring.map(({ id, fileIds }) => {
    const ranked = rankDocuments(fileIds, docIdsOfFile);
    return { ndcg: ndcgAt(10, ranked, qrels.get(id)), recall: recallAt(100, ranked, qrels.get(id)), docs: ranked.length };
  });
  const figures = {
    split: args.split,
    queries: queries.length,
    ndcg10: round(mean(perQuery.map((q) => q.ndcg)), 4),
    recall100: round(mean(perQuery.map((q) => q.recall)), 4),
    docsReturnedMean: round(mean(perQuery.map((q) => q.docs)), 1),
    limit100Ms: summarize(output.scoring.map((r) => r.ms)),
  };
  if (output.chat) figures.limit8Ms = summarize(output.chat.map((r) => r.ms));
  console.log(JSON.stringify(figures));
}
