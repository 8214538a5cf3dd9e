/**
 * One Chroma collection of chunk vectors, all computed by one embedding model. Searches read
 * the `live` one; a re-embed fills a `building` one beside it and then makes it live, retiring
 * the old. Ingestion writes every new generation into each space that is live or building.
 */
export interface VectorSpaceInfo {
  id: string;
  collection: string;
  modelId: string;
  dimension: number;
  state: 'building' | 'live' | 'retired' | 'failed';
}

/** A re-embed as admins follow it (GET /files/reembed). */
export interface VectorBuildStatus {
  status: 'running' | 'completed' | 'failed';
  model: string;
  /** Chunks of the live corpus, and how many of them the new space already holds. */
  total: number;
  done: number;
  startedAt: Date;
  finishedAt: Date | null;
  error: { code: string; message: string } | null;
}

export function buildStatusOf(state: VectorSpaceInfo['state']): VectorBuildStatus['status'] {
  return state === 'building' ? 'running' : state === 'failed' ? 'failed' : 'completed';
}
