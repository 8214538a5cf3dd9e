// nDCG@k and Recall@k as BEIR computes them (pytrec_eval): graded gains from the qrels,
// log2(rank + 1) discount, ideal DCG from the qrels' own grades; recall over the judged
// relevant documents. Averaged over every judged query, so a query that retrieves nothing
// counts as zero.

export function ndcgAt(k, rankedDocIds, relevance) {
  let dcg = 0;
  rankedDocIds.slice(0, k).forEach((docId, i) => {
    dcg += (relevance.get(docId) ?? 0) / Math.log2(i + 2);
  });
  const ideal = [...relevance.values()].sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((sum, gain, i) => sum + gain / Math.log2(i + 2), 0);
  return idcg === 0 ? 0 : dcg / idcg;
}

export function recallAt(k, rankedDocIds, relevance) {
  const relevant = [...relevance.entries()].filter(([, grade]) => grade > 0).map(([id]) => id);
  if (relevant.length === 0) return 0;
  const top = new Set(rankedDocIds.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

/**
 * Chunks → documents: a document ranks where its best chunk ranks (max over its chunks),
 * so later chunks of an already-ranked document are skipped.
 */
export function rankDocuments(chunkFileIds, docIdsOfFile) {
  const ranked = [];
  const seen = new Set();
  for (const fileId of chunkFileIds) {
    for (const docId of docIdsOfFile.get(fileId) ?? []) {
      if (seen.has(docId)) continue;
      seen.add(docId);
      ranked.push(docId);
    }
  }
  return ranked;
}
