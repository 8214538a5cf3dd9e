/**
 * The contract between the API (which adds jobs) and the worker (which runs them). Payloads
 * outlive deploys, so names are stable strings and the worker parses data instead of trusting it.
 */
export const INGEST_QUEUE = 'ingest';
/**
 * BullMQ's key prefix for the queue. Its scripts touch several of the queue's keys at once, which
 * a Redis Cluster allows only within one hash slot: the braces make `ingest` the hash tag of every
 * key. Anything else reading the queue (a dashboard, a script) must use the same prefix.
 */
export const INGEST_QUEUE_PREFIX = '{ingest}';

export const IngestJob = {
  /** Parse, chunk, embed and index one file; the job id is the file id. */
  file: 'ingest.file',
  /** Remove a soft-deleted file's bytes, chunks, vectors and row. */
  purge: 'ingest.purge',
  /** Fill a new vector space from the chunks in PostgreSQL, then make it live; the job id names the space. */
  reembed: 'ingest.reembed',
} as const;

export class InvalidJobData extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseFileJobData(data: unknown): { fileId: string } {
  const fileId = (data as { fileId?: unknown } | null)?.fileId;
  if (typeof fileId !== 'string' || !UUID.test(fileId)) throw new InvalidJobData(`job data has no valid fileId: ${JSON.stringify(data)}`);
  return { fileId };
}

export function parseReembedJobData(data: unknown): { spaceId: string } {
  const spaceId = (data as { spaceId?: unknown } | null)?.spaceId;
  if (typeof spaceId !== 'string' || !UUID.test(spaceId)) throw new InvalidJobData(`job data has no valid spaceId: ${JSON.stringify(data)}`);
  return { spaceId };
}
