// The few HTTP calls the suites make, against the contract in API.md.
import http from 'node:http';
import MultipartForm from 'form-data';

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
    if (body !== undefined) {
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

  /**
   * A multipart upload over node:http with kept-alive sockets: the client shares the machine
   * with the product, and fetch with its FormData spends 3-4 times the CPU per request.
   * `fields` go before the file, as the upload requires.
   */
  upload(path, fields, { filename, content, contentType }) {
    const form = new MultipartForm();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', content, { filename, contentType });
    const body = form.getBuffer();
    this.agent ??= new http.Agent({ keepAlive: true });
    return new Promise((resolve, reject) => {
      const request = http.request(
        `${this.baseUrl}${path}`,
        { method: 'POST', agent: this.agent, timeout: REQUEST_TIMEOUT_MS, headers: { ...this.authHeaders, ...form.getHeaders(), 'content-length': body.length } },
        (response) => {
          const parts = [];
          response.on('data', (part) => parts.push(part));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(parts).toString('utf8');
            if (response.statusCode >= 300) reject(new ApiError('POST', path, response.statusCode, text));
            else resolve(JSON.parse(text));
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error(`POST ${path} timed out after ${REQUEST_TIMEOUT_MS} ms`)));
      request.on('error', reject);
      request.end(body);
    });
  }

  /** True when the route exists in this build (anything but 404 on an empty request). */
  async hasRoute(method, path) {
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers: this.authHeaders, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    await response.arrayBuffer();
    return response.status !== 404;
  }
}
