export interface Bm25Parameters {
  /** How fast a term's weight saturates as it repeats in a chunk. */
  k1: number;
  /** How much a chunk's length discounts its term counts, 0 (none) to 1 (fully). */
  b: number;
}

/** Anserini/Pyserini's BEIR settings; short abstracts and chunks favour a mild length penalty. */
export const BM25: Bm25Parameters = { k1: 0.9, b: 0.4 };
