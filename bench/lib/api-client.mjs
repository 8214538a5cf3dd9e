// The few HTTP calls the suites make, against the contract in API.md.
/* global FormData -- Node's fetch FormData, absent from the lint config's globals */
const REQUEST_TIMEOUT_MS = 30_000;

export class ApiError extends Error {
  constructor(method, url, status, body) {
    super(`${method} ${url} answered ${status}: ${body.slice(0, 300)}`);
    this.status = status;
  }
}

export class ApiClient {
  constructor(baseUrl, accessToken = null) {
    this.baseUrl = baseUrl;
    this.accessToken = accessToken;
  }

  static async login(baseUrl, email, password) {
    const client = new ApiClient(baseUrl);
    const session = await client.request('POST', '/auth/login', { email, password });
    return { client: new ApiClient(baseUrl, session.accessToken), user: session.user };
  }

  get authHeaders() {
    return this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {};
  }

  async request(method, path, body) {
    const url = `${this.baseUrl}${path}`;
    const init = { method, headers: { ...this.authHeaders }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(url, init);
    const text = await response.text();
    if (!response.ok) throw new ApiError(method, path, response.status, text);
    return text ? JSON.parse(text) : null;
  }

  get(path) {
    return this.request('GET', path);
  }

  post(path, body) {
    return this.request('POST', path, body);
  }

  /** True when the route exists in this build (anything but 404 on an empty request). */
  async hasRoute(method, path) {
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers: this.authHeaders, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    await response.arrayBuffer();
    return response.status !== 404;
  }
}
