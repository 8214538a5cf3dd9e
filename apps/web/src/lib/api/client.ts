import createClient from 'openapi-fetch';
import { authFetch } from './http';
import { ApiError } from './errors';
import type { paths } from './schema';

/** The one API client: typed from the server's OpenAPI document, authenticated by authFetch. */
export const api = createClient<paths>({ baseUrl: '', fetch: authFetch });

/** The data of a successful answer; any error answer becomes an ApiError to throw. */
export async function unwrap<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await pending;
  if (error !== undefined || !response.ok) {
    const body = (error ?? {}) as { code?: string; message?: string; details?: ApiError['details'] };
    const seconds = Number(response.headers.get('retry-after'));
    throw new ApiError(
      response.status,
      body.code ?? `http_${response.status}`,
      body.message ?? response.statusText,
      Number.isFinite(seconds) && response.headers.has('retry-after') ? seconds : null,
      body.details ?? [],
    );
  }
  return data as T;
}
