import type { INestApplication } from '@nestjs/common';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startApi } from './support/test-app';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-Bx7f3k9Q.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = 'console.log("the app");';

/** A built web app as Vite lays it out, beside a file that must never be served. */
function fakeWebApp() {
  const parent = mkdtempSync(path.join(tmpdir(), 'web-app-'));
  const root = path.join(parent, 'web');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), INDEX);
  writeFileSync(path.join(root, 'assets', 'index-Bx7f3k9Q.js'), SCRIPT);
  writeFileSync(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // A file where an API route lives: the API must still answer there.
  mkdirSync(path.join(root, 'api', 'v1', 'health'), { recursive: true });
  writeFileSync(path.join(root, 'api', 'v1', 'health', 'live'), 'shadowed');
  writeFileSync(path.join(parent, 'secret.txt'), 'not for the web');
  return { parent, root };
}

const expectJson404 = (response: request.Response) => {
  expect(response.status).toBe(404);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', code: 'route_not_found', message: expect.any(String), requestId: expect.any(String) });
  expect(response.body.requestId).not.toBe('');
  expect(response.headers['x-request-id']).toBe(response.body.requestId);
};

describe('the web app, served by the API process', () => {
  let folders: ReturnType<typeof fakeWebApp>;
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    folders = fakeWebApp();
    app = await startApi({ WEB_APP_DIR: folders.root });
    http = request(app.getHttpServer());
  });
  afterAll(async () => {
    await app.close();
    rmSync(folders.parent, { recursive: true, force: true });
  });

  it.each(['/', '/some/deep/link', '/chat/3f1c2a54-5b7e-4a8e-9c1d-2e6f7a8b9c0d', '/index.html'])('answers %s with index.html, not cached', async (url) => {
    const response = await http.get(url).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text).toBe(INDEX);
  });

  it('answers HEAD of an app route like GET, without a body', async () => {
    const response = await http.head('/files?status=ready').expect(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text ?? '').toBe('');
  });

  it('serves hashed assets to be cached for good, other files to be revalidated', async () => {
    const script = await http.get('/assets/index-Bx7f3k9Q.js').expect(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.text).toBe(SCRIPT);
    const icon = await http.get('/favicon.svg').expect(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing hashed asset with a 404, not the page', async () => {
    expectJson404(await http.get('/assets/index-OLDHASH1.js'));
  });

  it('sends a Content-Security-Policy with the page that allows no inline or foreign script', async () => {
    const csp = String((await http.get('/').expect(200)).headers['content-security-policy']);
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['img-src']).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('never shadows the API: its routes answer, and an unknown one is the JSON 404', async () => {
    const live = await http.get('/api/v1/health/live').expect(200);
    expect(live.body).toEqual({ status: 'ok' });
    expectJson404(await http.get('/api/v1/nope'));
    expectJson404(await http.get('/api/v2/conversations'));
    expectJson404(await http.get('/api'));
  });

  it('answers other methods outside the API with the JSON 404', async () => {
    expectJson404(await http.post('/nope').send({ a: 1 }));
    expectJson404(await http.delete('/'));
    expectJson404(await http.put('/assets/index-Bx7f3k9Q.js'));
  });

  it('never serves a file from outside its folder', async () => {
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const response = await http.get(url);
      expect(response.text).not.toContain('not for the web');
    }
  });
});

describe('an API process without a built web app', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApi({ WEB_APP_DIR: path.join(tmpdir(), 'no-such-web-app') });
  });
  afterAll(() => app.close());

  it('answers every path outside the API with the JSON 404, and the API as ever', async () => {
    const http = request(app.getHttpServer());
    expectJson404(await http.get('/'));
    expectJson404(await http.get('/some/deep/link'));
    expectJson404(await http.post('/nope'));
    await http.get('/api/v1/health/live').expect(200);
  });
});
