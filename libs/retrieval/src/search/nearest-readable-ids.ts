import { isFiltered, type AccessScope } from '../domain/access-scope';
import type { ChunkStore, VectorLeg } from './search.ports';

// How many neighbours each query asks Chroma for, per chunk wanted…
const OVERFETCH = 2;
// …and how many the filtered query may grow to when the store refuses some.
const MAX_OVERFETCH = 16;

/**
 * The vector leg as one reader sees it: the ids of the `limit` nearest chunks they may read,
 * nearest first, checked against PostgreSQL, the authority on access (a deleted or unfinished
 * file never shows). Only ids: fusion needs ranks, and the rows of the few that make the answer
 * are read after it.
 *
 * Chroma 1.0 lists every match of a metadata filter before it searches: ~50 ms for an 11k-chunk
 * collection against ~4 ms unfiltered. When a reader may see most of the collection, the nearest
 * readable chunks are among the first unfiltered neighbours, so this asks for twice the limit
 * unfiltered and keeps those the store admits for this reader. Only if fewer than `limit` pass
 * does it ask Chroma with the access rule as a filter. Either way the answer is the filtered
 * query's: the k nearest readable chunks are the first k readable ones of the whole ranking.
 */
export async function nearestReadableIds(vectors: VectorLeg, store: ChunkStore, query: string, scope: AccessScope, limit: number): Promise<string[]> {
  const wanted = limit * OVERFETCH;
  const prepared = await vectors.prepare(query);
  if (!isFiltered(scope)) {
    const neighbours = await prepared.nearest(wanted);
    const readable = await readableInOrder(store, neighbours, scope);
    // Fewer neighbours than asked for means the collection ran out: every readable chunk is here.
    if (readable.length >= limit || neighbours.length < wanted) return readable.slice(0, limit);
  }
  // The filter admits chunks of files being deleted, and of generations not (or no longer) live,
  // which the store refuses:
  // while they take places, ask for more, until enough pass or the collection runs out.
  for (let asked = wanted; ; asked *= 2) {
    const neighbours = await prepared.nearest(asked, scope);
    const readable = await readableInOrder(store, neighbours, scope);
    if (readable.length >= limit || neighbours.length < asked || asked >= limit * MAX_OVERFETCH) return readable.slice(0, limit);
  }
}

async function readableInOrder(store: ChunkStore, ids: string[], scope: AccessScope): Promise<string[]> {
  const readable = new Set(await store.readableIds(ids, scope));
  return ids.filter((id) => readable.has(id));
}
