/**
 * The signed-in session: the access token lives in this module's memory only (never in
 * storage a script could read back later); the refresh token is an HttpOnly cookie the page
 * never sees. A refresh is one `POST /auth/refresh` without a body, so the cookie speaks.
 */
export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  role: string;
  department: { id: string; name: string };
};

/** Why the person is on the sign-in page: shown there in plain words. */
export type SignedOutReason = 'signed-out' | 'expired' | 'disabled' | null;

export type SessionState = { status: 'starting' } | { status: 'signed-in'; user: SessionUser } | { status: 'signed-out'; reason: SignedOutReason };

type Grant = { accessToken: string; expiresIn: number; user: SessionUser };

const REFRESH_URL = '/api/v1/auth/refresh';
const LOCK_NAME = 'knowledge-assistant:refresh';
// Not a secret: only whether a refresh cookie may exist, so a first visit does not ask (and
// log a 401) for a session that was never there.
const MAY_HAVE_SESSION = 'knowledge-assistant:may-have-session';
// Renew this long before the access token runs out, so requests rarely meet an expired token.
const RENEW_AHEAD_SECONDS = 30;

let accessToken: string | null = null;
let state: SessionState = { status: 'starting' };
const listeners = new Set<() => void>();
let inFlight: Promise<boolean> | null = null;
let renewTimer: ReturnType<typeof setTimeout> | undefined;
// Signing out in one tab signs out the others at once, not at their next refresh.
const tabs = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('knowledge-assistant:session');
tabs?.addEventListener('message', (event: MessageEvent) => {
  if (event.data === 'signed-out' && state.status === 'signed-in') session.end('signed-out', false);
});

function publish(next: SessionState) {
  state = next;
  for (const listener of listeners) listener();
}

export const session = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  snapshot: () => state,
  accessToken: () => accessToken,

  /** Takes what login or refresh answered. */
  accept(grant: Grant) {
    accessToken = grant.accessToken;
    remember(true);
    clearTimeout(renewTimer);
    const lifetime = grant.expiresIn;
    const ahead = Math.min(RENEW_AHEAD_SECONDS, lifetime / 4);
    renewTimer = setTimeout(() => void session.refresh(), Math.max(1, lifetime - ahead) * 1000);
    publish({ status: 'signed-in', user: grant.user });
  },

  end(reason: SignedOutReason, announce = reason === 'signed-out') {
    accessToken = null;
    clearTimeout(renewTimer);
    remember(false);
    publish({ status: 'signed-out', reason });
    if (announce) tabs?.postMessage('signed-out');
  },

  /**
   * Before a full-page sign-in elsewhere (single sign-on): the callback sets the cookie and
   * sends the browser back, and the app coming up then asks for a token through it.
   */
  expectRedirectSignIn() {
    remember(true);
  },

  updateUser(user: SessionUser) {
    if (state.status === 'signed-in') publish({ status: 'signed-in', user });
  },

  /**
   * Gets a new access token through the cookie. One refresh at a time in this tab, and one at
   * a time across tabs (Web Locks): the cookie rotates on every refresh, so a second tab that
   * waited sends the rotated cookie rather than the one the first tab just spent.
   */
  refresh(): Promise<boolean> {
    inFlight ??= withLock(() => refreshOnce()).finally(() => {
      inFlight = null;
    });
    return inFlight;
  },
};

async function refreshOnce(): Promise<boolean> {
  if (state.status === 'starting' && !remembered()) {
    publish({ status: 'signed-out', reason: null });
    return false;
  }
  let response: Response;
  try {
    response = await fetch(REFRESH_URL, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch {
    // Offline or the server is down: the session may still be good, so nobody is signed out.
    if (state.status === 'starting') publish({ status: 'signed-out', reason: null });
    return false;
  }
  if (response.ok) {
    session.accept((await response.json()) as Grant);
    return true;
  }
  const body = (await response.json().catch(() => null)) as { code?: string } | null;
  const wasSignedIn = state.status === 'signed-in';
  session.end(body?.code === 'account_disabled' ? 'disabled' : wasSignedIn ? 'expired' : null);
  return false;
}

function withLock<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request(LOCK_NAME, task);
  return task();
}

function remember(maybe: boolean) {
  try {
    if (maybe) localStorage.setItem(MAY_HAVE_SESSION, '1');
    else localStorage.removeItem(MAY_HAVE_SESSION);
  } catch {
    // storage disabled: every load then asks once
  }
}

function remembered(): boolean {
  try {
    return localStorage.getItem(MAY_HAVE_SESSION) !== null;
  } catch {
    return true;
  }
}
