// A re-embed of the loaded SciFact corpus through the API (POST /files/reembed until GET says
// completed), with searches running the whole time, against the same searches just before it.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runJsonChild } from '../lib/child-process.mjs';
import { root } from '../lib/product.mjs';
import { round, summarize } from '../lib/stats.mjs';

const BASELINE_MS = 20_000;
const POLL_MS = 200;
const TIMEOUT_MS = Number(process.env.BENCH_REEMBED_TIMEOUT_S ?? 600) * 1000;
const SEARCH_SCRIPT = path.join(root, 'bench/workers/search-loop.mjs');

/** Searches back to back until `maxMs` passes or `stopFile` appears; their samples. */
async function searchLoop({ product, departmentId, queries, maxMs, stopFile, readyFile, name }) {
  const inputFile = path.join(product.dataDir, `${name}-input.json`);
  const outputFile = path.join(product.dataDir, `${name}-output.json`);
  writeFileSync(inputFile, JSON.stringify({ departmentId, queries, maxMs, stopFile, readyFile }));
  // Uncached, so every sample is a search: the loop cycles through its queries.
  const env = { ...product.env, RETRIEVAL_CACHE_TTL_SECONDS: '0' };
  await runJsonChild(SEARCH_SCRIPT, [inputFile, outputFile], env, maxMs + 120_000);
  return JSON.parse(readFileSync(outputFile, 'utf8')).samples;
}

export async function runReembed({ product, admin, departmentId, questions, results, log }) {
  log(`re-embed: ${BASELINE_MS / 1000} s of searches without one, for comparison`);
  const baseline = await searchLoop({ product, departmentId, queries: questions, maxMs: BASELINE_MS, name: 'search-baseline' });

  const stopFile = path.join(product.dataDir, 'reembed-finished');
  const readyFile = path.join(product.dataDir, 'search-loop-running');
  for (const file of [stopFile, readyFile]) rmSync(file, { force: true });
  const searching = searchLoop({ product, departmentId, queries: questions, maxMs: TIMEOUT_MS, stopFile, readyFile, name: 'search-during' });
  // The re-embed starts once the loop searches (its process takes a while to boot).
  const bootDeadline = Date.now() + 120_000;
  while (!existsSync(readyFile)) {
    if (Date.now() > bootDeadline) throw new Error('the search loop did not start within 120 s');
    await sleep(50);
  }
  log('re-embed: POST /files/reembed, searching meanwhile');
  const started = await admin.post('/files/reembed');
  let status = started;
  const deadline = Date.now() + TIMEOUT_MS;
  while (status.status === 'running') {
    if (Date.now() > deadline) break;
    await sleep(POLL_MS);
    status = await admin.get('/files/reembed');
  }
  writeFileSync(stopFile, '');
  const samples = await searching;
  if (status.status !== 'completed') throw new Error(`the re-embed is ${status.status} after ${TIMEOUT_MS / 1000} s: ${JSON.stringify(status.error ?? status)}`);

  // The server's own clock, from the request to the switch.
  const seconds = (Date.parse(status.finishedAt) - Date.parse(status.startedAt)) / 1000;
  const during = samples.filter((s) => s.at >= Date.parse(status.startedAt) && s.at <= Date.parse(status.finishedAt)).map((s) => s.ms);
  if (during.length === 0) throw new Error('no search ran while the re-embed did');
  const without = summarize(baseline.map((s) => s.ms));
  const with_ = summarize(during);
  results.set('ingest.scifact.reembedSeconds', round(seconds, 1));
  results.set('ingest.reembed.searchP50Ms', with_.p50);
  results.set('ingest.reembed.searchP95Ms', with_.p95);
  results.set('ingest.reembed.baselineSearchP50Ms', without.p50);
  results.set('ingest.reembed.baselineSearchP95Ms', without.p95);
  results.note(
    `Re-embed: ${status.total} chunks into a new collection for ${status.model} in ${round(seconds, 1)} s ` +
      `(${round(status.total / seconds, 0)} chunks/s, from the chunk rows, nothing parsed again); ${during.length} searches ran while it did, ` +
      `${without.n} in the ${BASELINE_MS / 1000} s before it.`,
  );
}
