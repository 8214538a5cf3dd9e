// SciFact test queries through the retrieval service chat uses, scored with BEIR's nDCG@10 and
// Recall@100 per document, and timed as chat calls it (limit 8) on a cold cache.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ndcgAt, rankDocuments, recallAt } from '../lib/beir-metrics.mjs';
import { runJsonChild } from '../lib/child-process.mjs';
import { root } from '../lib/product.mjs';
import { mean, round, summarize } from '../lib/stats.mjs';

const CHAT_LIMIT = 8; // the search's default, which the answer graph uses
const SCORING_LIMIT = 100;

export async function runRetrieval({ product, scifact, fileIdOfDoc, departmentId, results, log }) {
  const qrels = scifact.qrels('test');
  const queries = [...qrels.keys()].map((id) => ({ id, text: scifact.queries.get(id) }));
  const missing = queries.filter((q) => !q.text);
  if (missing.length) throw new Error(`${missing.length} judged queries have no text in queries.jsonl`);

  const inputFile = path.join(product.dataDir, 'retrieval-input.json');
  const outputFile = path.join(product.dataDir, 'retrieval-output.json');
  // Limit 8 first: each limit has its own cache key, so both runs start cold.
  writeFileSync(
    inputFile,
    JSON.stringify({
      departmentId,
      runs: [
        { name: 'chat', limit: CHAT_LIMIT, queries },
        { name: 'scoring', limit: SCORING_LIMIT, queries },
      ],
    }),
  );
  log(`retrieval: ${queries.length} test queries at limit ${CHAT_LIMIT}, then at limit ${SCORING_LIMIT}`);
  await runJsonChild(path.join(root, 'bench/workers/retrieval-queries.mjs'), [inputFile, outputFile], product.env, 10 * 60_000);
  const output = JSON.parse(readFileSync(outputFile, 'utf8'));

  const docIdsOfFile = new Map();
  for (const [docId, fileId] of fileIdOfDoc) docIdsOfFile.set(fileId, [...(docIdsOfFile.get(fileId) ?? []), docId]);
  const judgedUnindexed = new Set([...qrels.values()].flatMap((relevance) => [...relevance.keys()]).filter((docId) => !fileIdOfDoc.has(docId)));
  if (judgedUnindexed.size) results.note(`Retrieval: ${judgedUnindexed.size} judged test documents are not in the index (see ingestion) and count as misses.`);
  const ndcg = [];
  const recall = [];
  const docsReturned = [];
  for (const { id, fileIds } of output.scoring) {
    const ranked = rankDocuments(fileIds, docIdsOfFile);
    docsReturned.push(ranked.length);
    ndcg.push(ndcgAt(10, ranked, qrels.get(id)));
    recall.push(recallAt(100, ranked, qrels.get(id)));
  }
  results.set('retrieval.scifact.ndcg10', round(mean(ndcg), 4));
  results.set('retrieval.scifact.recall100', round(mean(recall), 4));
  results.set('retrieval.scifact.docsReturnedMean', round(mean(docsReturned), 1));
  const short = docsReturned.filter((n) => n < SCORING_LIMIT).length;
  if (short) {
    results.note(
      `Retrieval: the search returns at most \`limit\` chunks and several chunks of one document count once, so at limit ${SCORING_LIMIT} ` +
        `fewer than ${SCORING_LIMIT} distinct documents were ranked for ${short} of ${docsReturned.length} queries ` +
        `(min ${Math.min(...docsReturned)}, mean ${round(mean(docsReturned), 1)}); Recall@100 counts what came back.`,
    );
  }
  const chatTimes = summarize(output.chat.map((r) => r.ms));
  const scoringTimes = summarize(output.scoring.map((r) => r.ms));
  results.set('retrieval.latencyMs.p50', chatTimes.p50);
  results.set('retrieval.latencyMs.p95', chatTimes.p95);
  results.set('retrieval.latencyMs.limit100.p50', scoringTimes.p50);
  results.set('retrieval.latencyMs.limit100.p95', scoringTimes.p95);
}
