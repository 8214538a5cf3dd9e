import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { createSession, startApi, testPassword, type TestUser } from './support/test-app';
import { sendRaw } from './support/raw-http';

// Input a careless or hostile client sends: every answer is a 4xx in API.md's error shape, with
// the request id in the body and the header, a message that never quotes the body, and the
// process still answering afterwards.
const marker = `BODY-MARKER-${randomUUID()}`;
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const deepJson = (depth: number) => `{"title":${'['.repeat(depth)}1${']'.repeat(depth)}}`;

describe('hostile input', () => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let baseUrl: string;
  let admin: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    app = await startApi();
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    http = request(app.getHttpServer());
    admin = await createSession(app, 'admin');
    member = await createSession(app, 'member', admin.departmentId);
  });
  afterAll(() => app?.close());
  afterEach(async () => {
    await http.get('/api/v1/health/live').expect(200);
  });

  function expectErrorShape(response: { status: number; body: unknown; headers: Record<string, unknown>; text?: string }, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(response.body).toEqual({
      statusCode: status,
      error: expect.any(String),
      code,
      message: expect.any(String),
      requestId: expect.stringMatching(/^\S+$/),
      ...((response.body as { details?: unknown }).details ? { details: expect.any(Array) } : {}),
    });
    expect(response.headers['x-request-id']).toBe((response.body as { requestId: string }).requestId);
    expect(JSON.stringify(response.body)).not.toContain(marker);
  }

  describe('bodies that never reach a route', () => {
    it('answers malformed JSON with a 400 that carries the request id and does not quote the body', async () => {
      const response = await http.post('/api/v1/auth/login').set('content-type', 'application/json').send(`{"email": "${marker}`);
      expectErrorShape(response, 400, 'malformed_json');
    });

    it('echoes the client’s request id on an error raised while the body is parsed', async () => {
      const response = await http.post('/api/v1/auth/login').set('content-type', 'application/json').set('x-request-id', 'early-error-1').send(`{${marker}`);
      expectErrorShape(response, 400, 'malformed_json');
      expect(response.body.requestId).toBe('early-error-1');
    });

    it('answers a body over the limit with a 413 in the error shape', async () => {
      const response = await http
        .post('/api/v1/conversations')
        .set(member.auth)
        .set('content-type', 'application/json')
        .send(JSON.stringify({ title: marker.repeat(20_000) }));
      expectErrorShape(response, 413, 'payload_too_large');
    });

    it.each([
      ['5,000 levels of arrays (issue 18)', deepJson(5_000)],
      ['just past the limit', deepJson(32)],
    ])('refuses JSON nested %s before any pipe sees it', async (_case, body) => {
      for (const [path, auth] of [
        ['/api/v1/conversations', member.auth],
        ['/api/v1/auth/login', {}],
      ] as const) {
        const response = await http.post(path).set(auth).set('content-type', 'application/json').send(body);
        expectErrorShape(response, 400, 'body_too_deep');
      }
    });

    it('accepts a body nested as deep as the limit allows (the check counts levels, not bytes)', async () => {
      const response = await http.post('/api/v1/conversations').set(member.auth).set('content-type', 'application/json').send(deepJson(30));
      expectErrorShape(response, 400, 'validation_failed');
      expect(response.body.details).toContainEqual({ field: 'title', problem: 'title must be a string' });
    });

    it('refuses a form nested past the limit', async () => {
      const key = `title${'[a]'.repeat(40)}`;
      const response = await http.post('/api/v1/conversations').set(member.auth).set('content-type', 'application/x-www-form-urlencoded').send(`${key}=1`);
      expect(response.status).toBe(400);
      expectErrorShape(response, 400, response.body.code);
    });

    it.each([
      ['an unsupported charset', { 'content-type': 'application/json; charset=latin1' }, Buffer.from('{}'), 415, 'unsupported_charset'],
      ['an unknown content encoding', { 'content-type': 'application/json', 'content-encoding': 'x-unknown' }, Buffer.from('{}'), 415, 'unsupported_content_encoding'],
      ['gzip that is not gzip', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, Buffer.from(marker), 400, 'bad_request'],
      ['a top-level JSON string', { 'content-type': 'application/json' }, Buffer.from(`"${marker}"`), 400, 'malformed_json'],
    ])('refuses %s in the error shape', async (_case, headers, body, status, code) => {
      const response = await sendRaw(baseUrl, '/api/v1/auth/login', headers, body);
      expectErrorShape(response, status, code);
    });

    it('reads gzip and UTF-16 bodies it can decode, as ordinary requests', async () => {
      const gzipped = await sendRaw(
        baseUrl,
        '/api/v1/auth/login',
        { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        gzipSync(JSON.stringify({ email: 'nobody@example.test', password: 'x' })),
      );
      expectErrorShape(gzipped, 401, 'invalid_credentials');
      const utf16 = await sendRaw(
        baseUrl,
        '/api/v1/auth/login',
        { 'content-type': 'application/json; charset=utf-16le' },
        Buffer.from(JSON.stringify({ email: 'nobody@example.test', password: 'x' }), 'utf16le'),
      );
      expect([400, 401]).toContain(utf16.status);
      expectErrorShape(utf16, utf16.status, utf16.body.code);
    });

    it.each([
      ['a header line without a colon', 'GET /api/v1/health/live HTTP/1.1\r\nHost: x\r\nNot a header\r\n\r\n'],
      ['both Content-Length and chunked', 'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
      ['a request line that is not HTTP', 'HELLO\r\n\r\n'],
    ])('answers %s, which Node’s parser refuses, in the error shape and closes the connection', async (_case, raw) => {
      const answer = await rawExchange(baseUrl, raw);
      const [head, body] = answer.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(head).toMatch(/\r\nConnection: close/i);
      const parsed = JSON.parse(body);
      expect(parsed).toMatchObject({ statusCode: 400, code: 'malformed_request', requestId: expect.any(String) });
      expect(head).toContain(`x-request-id: ${parsed.requestId}`);
    });

    it('answers an Expect it cannot meet with a 417 in the error shape, echoing the request id (found by the fuzz suite)', async () => {
      const answer = await rawExchange(
        baseUrl,
        'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nExpect: foo\r\nx-request-id: expect-1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}',
      );
      const [head, body] = answer.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 417 Expectation Failed\r\n/);
      expect(JSON.parse(body)).toEqual({ statusCode: 417, error: 'Expectation Failed', code: 'expectation_failed', message: expect.any(String), requestId: 'expect-1' });
      expect(head).toContain('x-request-id: expect-1');
    });

    it('still answers Expect: 100-continue as usual', async () => {
      const response = await sendRaw(
        baseUrl,
        '/api/v1/auth/login',
        { 'content-type': 'application/json', expect: '100-continue' },
        Buffer.from(JSON.stringify({ email: 'nobody@example.test', password: 'x' })),
      );
      expectErrorShape(response, 401, 'invalid_credentials');
    });

    it('answers an HTTP/1.1 request without a Host header with a 400 in the error shape (found by the fuzz suite)', async () => {
      const answer = await rawExchange(baseUrl, 'GET /api/v1/health/live HTTP/1.1\r\nx-request-id: no-host-1\r\nConnection: close\r\n\r\n');
      const [head, body] = answer.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(JSON.parse(body)).toEqual({ statusCode: 400, error: 'Bad Request', code: 'missing_host', message: expect.any(String), requestId: 'no-host-1' });
      expect(head).toContain('x-request-id: no-host-1');
      // HTTP/1.0 never required one.
      expect(await rawExchange(baseUrl, 'GET /api/v1/health/live HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    });

    it('answers bytes that are not HTTP after a request only once that request has its own answer (found by the fuzz suite)', async () => {
      // A GET whose body has no framing: the body reads as a second request, which is not HTTP.
      const answer = await rawExchange(baseUrl, 'GET /api/v1/me HTTP/1.1\r\nHost: x\r\nx-request-id: first-1\r\n\r\ntitle=x\r\n\r\n');
      const [first, second] = answer.split(/(?=HTTP\/1\.1 )/);
      expect(first).toMatch(/^HTTP\/1\.1 401 Unauthorized\r\n/);
      expect(first).toContain('x-request-id: first-1');
      expect(second).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(JSON.parse(second.split('\r\n\r\n')[1])).toMatchObject({ statusCode: 400, code: 'malformed_request' });
    });

    it.each([
      [
        'a client that sends part of the announced body and ends its side',
        'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":',
        true,
      ],
      [
        'a chunked body whose framing breaks mid-request',
        'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"ema\r\nzz\r\n',
        false,
      ],
    ])('closes the connection of %s, whose request can never complete (found by the fuzz suite)', async (_case, raw, halfClose) => {
      const { hostname, port } = new URL(baseUrl);
      const closed = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(port), hostname, () => (halfClose ? socket.end(raw) : socket.write(raw)));
        const chunks: Buffer[] = [];
        socket.on('data', (chunk) => chunks.push(chunk));
        socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', reject);
        socket.setTimeout(5_000, () => socket.destroy(new Error('the server kept the connection open')));
      });
      // Whatever it answered (nothing, or a 400 in the shape), the connection is gone on its side too.
      if (closed !== '') expect(JSON.parse(closed.split('\r\n\r\n')[1])).toMatchObject({ statusCode: 400, requestId: expect.any(String) });
      const deadline = Date.now() + 5_000;
      while ((await openConnections(app)) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await openConnections(app)).toBe(0);
    });

    it('answers a path parameter that is not valid percent-encoding with a 400', async () => {
      const response = await http.get('/api/v1/files/%E0%A4%A').set(member.auth);
      expectErrorShape(response, 400, response.body.code);
    });

    it('answers a request whose headers are over Node’s limit in the error shape', async () => {
      const response = await sendRaw(baseUrl, '/api/v1/me', { authorization: `Bearer ${'a'.repeat(20_000)}` }, Buffer.alloc(0), 'GET');
      expectErrorShape(response, 431, 'headers_too_large');
    });
  });

  describe('strings PostgreSQL cannot store', () => {
    const nul = `a\u0000b`;
    const surrogate = `a\ud800b`;

    it.each([
      ['a chat message', () => http.post('/api/v1/chat').set(member.auth), { message: '%s' }, 'message'],
      ['a new conversation’s title', () => http.post('/api/v1/conversations').set(member.auth), { title: '%s' }, 'title'],
      ['a department name', () => http.post('/api/v1/org/departments').set(admin.auth), { name: '%s' }, 'name'],
      [
        'a new user’s display name',
        () => http.post('/api/v1/org/users').set(admin.auth),
        { email: `u-${randomUUID()}@example.test`, password: testPassword, displayName: '%s', role: 'member', departmentId: '<department>' },
        'displayName',
      ],
      ['a login email', () => http.post('/api/v1/auth/login'), { email: '%s', password: 'whatever' }, 'email'],
      ['a refresh token', () => http.post('/api/v1/auth/refresh'), { refreshToken: '%s' }, 'refreshToken'],
      ['a feedback comment', () => http.post(`/api/v1/chat/${randomUUID()}/feedback`).set(member.auth), { rating: 'up', comment: '%s' }, 'comment'],
      ['a nested filter id', () => http.post('/api/v1/chat').set(member.auth), { message: 'hello', filters: { fileIds: ['%s'] } }, 'filters.fileIds.0'],
    ])('refuses U+0000 and a lone surrogate in %s, naming the field', async (_case, call, template, field) => {
      for (const bad of [nul, surrogate]) {
        const body = JSON.parse(JSON.stringify(template).replace('%s', JSON.stringify(bad).slice(1, -1)).replace('<department>', admin.departmentId));
        const response = await call().send(body);
        expectErrorShape(response, 400, 'validation_failed');
        expect(response.body.details).toContainEqual({ field, problem: 'must not contain U+0000 or unpaired surrogates' });
      }
    });

    it('refuses them when renaming a conversation and changing a display name', async () => {
      const conversation = (await http.post('/api/v1/conversations').set(member.auth).send({ title: 'Fine' }).expect(201)).body.id;
      const rename = await http.patch(`/api/v1/conversations/${conversation}`).set(member.auth).send({ title: surrogate });
      expectErrorShape(rename, 400, 'validation_failed');
      const display = await http.patch(`/api/v1/org/users/${member.id}`).set(admin.auth).send({ displayName: nul });
      expectErrorShape(display, 400, 'validation_failed');
      expect((await http.get(`/api/v1/conversations/${conversation}`).set(member.auth).expect(200)).body.title).toBe('Fine');
    });

    it('refuses them in a query string', async () => {
      const response = await http.get('/api/v1/files?status=ready%00').set(member.auth);
      expectErrorShape(response, 400, 'validation_failed');
      expect(response.body.details).toContainEqual({ field: 'status', problem: 'must not contain U+0000 or unpaired surrogates' });
    });

    it('keeps well-formed non-ASCII text, astral characters included', async () => {
      const title = 'Résumé 日本語 🙂';
      const created = await http.post('/api/v1/conversations').set(member.auth).send({ title }).expect(201);
      expect(created.body.title).toBe(title);
    });
  });

  describe('pagination cursors a client made up', () => {
    const uuid = randomUUID();
    const cursors: Array<[string, string]> = [
      ['not base64 JSON', 'not-a-cursor!'],
      ['JSON that is not a pair', cursorOf({ at: 1 })],
      ['a time that is not a date', cursorOf(['yesterday', uuid])],
      ['an id that is not a UUID', cursorOf(['2024-01-01T00:00:00.000Z', 'x'])],
      ['the year 99999', cursorOf(['+099999-01-01T00:00:00.000Z', uuid])],
      ['a date PostgreSQL would read differently', cursorOf(['2024-02-30T00:00:00.000Z', uuid])],
      ['U+0000 inside', cursorOf([`2024-01-01T00:00:00.000Z\u0000`, uuid])],
      ['a huge one', 'A'.repeat(6_000)],
    ];
    it.each(['/api/v1/files', '/api/v1/conversations', '/api/v1/org/users'])('refuses each on %s with a 400 naming cursor', async (path) => {
      for (const [, cursor] of cursors) {
        const response = await http.get(path).query({ cursor }).set(admin.auth);
        expectErrorShape(response, 400, 'validation_failed');
        expect(response.body.details.map((d: { field: string }) => d.field)).toContain('cursor');
      }
    });

    it('still follows the cursors it issued', async () => {
      for (let i = 0; i < 3; i++)
        await http
          .post('/api/v1/conversations')
          .set(member.auth)
          .send({ title: `Page ${i}` })
          .expect(201);
      const first = await http.get('/api/v1/conversations?limit=2').set(member.auth).expect(200);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await http.get('/api/v1/conversations').query({ limit: 2, cursor: first.body.nextCursor }).set(member.auth).expect(200);
      expect(second.body.items.length).toBeGreaterThan(0);
    });
  });

  describe('query strings of the wrong shape', () => {
    it.each([
      ['a repeated limit', '/api/v1/files?limit=1&limit=2', 'limit'],
      ['a limit out of range', '/api/v1/files?limit=101', 'limit'],
      ['a limit past what a number holds', `/api/v1/files?limit=${'9'.repeat(400)}`, 'limit'],
      ['a fractional limit', '/api/v1/files?limit=1.5', 'limit'],
      ['a hexadecimal limit', '/api/v1/files?limit=0x10', 'limit'],
      ['a limit in exponent notation', '/api/v1/files?limit=1e1', 'limit'],
      ['an empty limit', '/api/v1/files?limit=', 'limit'],
      ['a repeated status', '/api/v1/files?status=ready&status=failed', 'status'],
      ['a bracketed status', '/api/v1/files?status[]=ready', 'status[]'],
      ['a repeated cursor', '/api/v1/conversations?cursor=a&cursor=b', 'cursor'],
      ['an unknown parameter', '/api/v1/conversations?sort=desc', 'sort'],
      ['a department that is not a UUID', '/api/v1/files?departmentId=x', 'departmentId'],
    ])('refuses %s with a 400 naming it', async (_case, path, field) => {
      const response = await http.get(path).set(admin.auth);
      expectErrorShape(response, 400, 'validation_failed');
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });

  describe('headers', () => {
    it.each([
      ['a long garbage token', `Bearer ${'x'.repeat(8_000)}`],
      ['a token of three garbage parts', 'Bearer a.b.c'],
      ['a token whose header is deeply nested JSON', `Bearer ${Buffer.from(deepJson(5_000)).toString('base64url')}.e30.sig`],
      ['another scheme', `Basic ${Buffer.from('admin:admin').toString('base64')}`],
      ['a bare scheme', 'Bearer'],
      ['non-ASCII bytes', 'Bearer t\u00e9st'],
    ])('answers %s in Authorization with 401', async (_case, authorization) => {
      const response = await http.get('/api/v1/me').set('authorization', authorization);
      expectErrorShape(response, 401, 'unauthenticated');
    });

    it.each([
      ['too long', 'x'.repeat(200)],
      ['with spaces', 'two words'],
      ['with a newline escape', 'a%0d%0aSet-Cookie:x'],
    ])('replaces an x-request-id that is %s with a generated one', async (_case, id) => {
      const response = await http.get('/api/v1/me').set('x-request-id', id);
      expectErrorShape(response, 401, 'unauthenticated');
      expect(response.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('bodies of the wrong shape', () => {
    it.each([
      ['an array', []],
      ['an array of objects', [{ title: 'x' }]],
      ['a prototype key', JSON.parse('{"title": "x", "__proto__": {"admin": true}}')],
      ['a constructor key', { title: 'x', constructor: { name: 'Object' } }],
      ['a number where a string goes', { title: 12 }],
      ['an object where a string goes', { title: { toString: 'x' } }],
    ])('refuses %s with a 400', async (_case, body) => {
      const response = await http.post('/api/v1/conversations').set(member.auth).set('content-type', 'application/json').send(JSON.stringify(body));
      expectErrorShape(response, 400, 'validation_failed');
    });

    it.each([
      ['filters as a string', { message: 'hello', filters: 'x' }],
      ['filters as an array', { message: 'hello', filters: [] }],
      ['file ids as a string', { message: 'hello', filters: { fileIds: 'x' } }],
      ['file ids as numbers', { message: 'hello', filters: { fileIds: [1] } }],
      ['a message as an array', { message: ['hello'] }],
      ['a message of spaces', { message: '   ' }],
      ['a message over 8,000 characters', { message: 'a'.repeat(8_001) }],
    ])('refuses a chat with %s before the stream opens', async (_case, body) => {
      const response = await http.post('/api/v1/chat').set(member.auth).send(body);
      expectErrorShape(response, 400, 'validation_failed');
    });
  });
});

function openConnections(app: INestApplication): Promise<number> {
  return new Promise((resolve, reject) => app.getHttpServer().getConnections((error: Error | null, count: number) => (error ? reject(error) : resolve(count))));
}

/** Writes raw bytes to the server and returns everything it answers before closing. */
function rawExchange(baseUrl: string, raw: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(raw));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
    socket.setTimeout(5_000, () => socket.destroy(new Error('no answer')));
  });
}
