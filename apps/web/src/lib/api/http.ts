import { session } from '../auth/session';
import { ApiError } from './errors';

const AUTH_ROUTES = /\/api\/v1\/auth\/(login|refresh)$/;

/**
 * fetch with the session's bearer token. A 401 means the access token ran out (or was
 * revoked): refresh once through the cookie and send the request again; when the refresh
 * fails too, the session has ended and the app shows the sign-in page.
 */
export async function authFetch(request: Request): Promise<Response> {
  const again = request.clone();
  const token = session.accessToken();
  const response = await send(request, token);
  if (response.status !== 401 || AUTH_ROUTES.test(new URL(request.url).pathname)) return response;
  const problem = (await response
    .clone()
    .json()
    .catch(() => null)) as { code?: string } | null;
  if (problem?.code === 'account_disabled' || problem?.code === 'session_ended') {
    // Refreshing cannot help: the account or the session itself was ended.
    session.end(problem.code === 'account_disabled' ? 'disabled' : 'expired');
    return response;
  }
  // Another request may already have refreshed while this one was on the way.
  const renewed = session.accessToken() !== token || (await session.refresh());
  return renewed ? send(again, session.accessToken()) : response;
}

function send(request: Request, token: string | null): Promise<Response> {
  const headers = new Headers(request.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  return fetch(new Request(request, { headers, credentials: 'same-origin' })).catch((error: unknown) => {
    if (request.signal.aborted) throw error;
    throw new ApiError(0, 'network_error', error instanceof Error ? error.message : 'network error');
  });
}

/** authFetch for a URL, for the routes the typed client does not cover (SSE, blobs). */
export function authorizedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  return authFetch(new Request(url, init));
}
