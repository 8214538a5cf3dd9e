// BEIR SciFact as shipped in shared/datasets: corpus, queries and graded judgments (qrels).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './product.mjs';

function scifactDir() {
  return path.resolve(root, process.env.BENCH_SCIFACT_DIR ?? '../shared/datasets/scifact');
}

const readJsonLines = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));

export function loadScifact(dir = scifactDir()) {
  if (!existsSync(path.join(dir, 'corpus.jsonl'))) {
    throw new Error(`SciFact not found in ${dir} (set BENCH_SCIFACT_DIR to the folder holding corpus.jsonl)`);
  }
  const corpus = readJsonLines(path.join(dir, 'corpus.jsonl'));
  const queries = new Map(readJsonLines(path.join(dir, 'queries.jsonl')).map((q) => [String(q._id), q.text]));
  return { corpus, queries, qrels: (split) => readQrels(path.join(dir, 'qrels', `${split}.tsv`)) };
}

/** query id → Map(doc id → graded relevance), skipping the header and zero grades. */
function readQrels(file) {
  const qrels = new Map();
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const [queryId, docId, score] = line.trim().split('\t');
    if (!queryId || !(Number(score) > 0)) continue;
    if (!qrels.has(queryId)) qrels.set(queryId, new Map());
    qrels.get(queryId).set(docId, Number(score));
  }
  return qrels;
}

/** The document as a small text file: its title, a blank line, its abstract. */
export const documentFileText = (doc) => `${doc.title}\n\n${doc.text}`;
