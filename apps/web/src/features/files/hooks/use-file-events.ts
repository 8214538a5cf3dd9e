import { authorizedFetch } from '@/lib/api/http';
import { ApiError } from '@/lib/api/errors';
import type { FileEvent, FileRecord } from '@/lib/api/types';
import { readEvents } from '@/lib/sse';

const FINAL = new Set(['ready', 'failed']);
const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

/**
 * Follows one file's ingestion (GET /files/:id/events, which starts with the current state) until
 * it is ready or failed. A dropped stream is opened again, since the first event repeats the
 * state, nothing is missed; after a few failed tries the caller hears of it.
 */
export async function followFile(id: string, onUpdate: (file: FileRecord) => void, signal: AbortSignal): Promise<FileRecord> {
  let last: FileRecord | null = null;
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await authorizedFetch(`/api/v1/files/${encodeURIComponent(id)}/events`, { headers: { accept: 'text/event-stream' }, signal });
      if (!response.ok) throw await ApiError.from(response);
      for await (const message of readEvents(response)) {
        last = (message as FileEvent).data;
        onUpdate(last);
        attempt = 0;
        if (FINAL.has(last.status)) return last;
      }
    } catch (error) {
      if (signal.aborted) throw error;
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) throw error;
      if (attempt >= RETRY_DELAYS_MS.length) throw error;
    }
    if (last && FINAL.has(last.status)) return last;
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]));
  }
}
