export interface RankFusionOptions {
  /** Damping constant of RRF; 60 is the value from Cormack et al. (2009). */
  k?: number;
  /** One weight per list, default 1 each. */
  weights?: readonly number[];
}

export interface FusedRank {
  id: string;
  score: number;
}

/**
 * Fuses ranked lists of ids by reciprocal rank: score(id) = Σ weight / (k + rank), rank from 1.
 * Ties keep the order in which an id was first seen (earlier list, then earlier rank), so the
 * result is deterministic. A duplicate id within one list counts only at its best rank.
 */
export function fuseByReciprocalRank(lists: ReadonlyArray<readonly string[]>, options: RankFusionOptions = {}): FusedRank[] {
  const k = options.k ?? 60;
  if (!(k >= 0)) throw new RangeError(`k must be a non-negative number, got ${k}`);
  if (options.weights && options.weights.length !== lists.length) {
    throw new RangeError(`expected ${lists.length} weights, got ${options.weights.length}`);
  }

  const scores = new Map<string, { score: number; firstSeen: number }>();
  let seen = 0;
  lists.forEach((list, listIndex) => {
    const weight = options.weights?.[listIndex] ?? 1;
    const countedInThisList = new Set<string>();
    list.forEach((id, index) => {
      if (countedInThisList.has(id)) return;
      countedInThisList.add(id);
      const entry = scores.get(id) ?? { score: 0, firstSeen: seen++ };
      entry.score += weight / (k + index + 1);
      scores.set(id, entry);
    });
  });

  return [...scores.entries()].sort(([, a], [, b]) => b.score - a.score || a.firstSeen - b.firstSeen).map(([id, { score }]) => ({ id, score }));
}
