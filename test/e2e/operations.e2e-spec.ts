import type { INestApplication } from '@nestjs/common';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import request from 'supertest';
import { startOwnRedis, type OwnRedis } from './support/own-redis';
import { startApi } from './support/test-app';

describe('operations', () => {
  it('answers a login burst with 429 and Retry-After', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'burst-'));
    const redis = await startOwnRedis(dataDir);
    const app = await startApi({ LOGIN_RATE_LIMIT_PER_MINUTE: '3', REDIS_URL: redis.url });
    try {
      const http = request(app.getHttpServer());
      const statuses: number[] = [];
      let limited: request.Response | undefined;
      for (let attempt = 0; attempt < 5; attempt++) {
        const response = await http.post('/api/v1/auth/login').send({ email: `burst-${Date.now()}@example.test`, password: 'whatever-it-is' });
        statuses.push(response.status);
        if (response.status === 429) limited ??= response;
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(limited?.headers['retry-after']).toMatch(/^\d+$/);
      expect(limited?.body).toMatchObject({ statusCode: 429, code: 'rate_limited' });
    } finally {
      await app.close();
      await redis.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  describe('client addresses behind a proxy', () => {
    let dataDir: string;
    let redis: OwnRedis;
    beforeEach(async () => {
      dataDir = mkdtempSync(path.join(tmpdir(), 'proxy-'));
      redis = await startOwnRedis(dataDir);
    });
    afterEach(async () => {
      await redis.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    /** Failed logins from each forwarded address in turn, against a limit of 2 a minute. */
    async function loginStatuses(trustProxy: string | undefined, forwardedFor: string[]) {
      const app = await startApi({ LOGIN_RATE_LIMIT_PER_MINUTE: '2', REDIS_URL: redis.url, ...(trustProxy ? { TRUST_PROXY: trustProxy } : {}) });
      try {
        const http = request(app.getHttpServer());
        const statuses: number[] = [];
        for (const address of forwardedFor) {
          const response = await http.post('/api/v1/auth/login').set('x-forwarded-for', address).send({ email: 'nobody@example.test', password: 'whatever-it-is' });
          statuses.push(response.status);
        }
        return statuses;
      } finally {
        await app.close();
      }
    }

    it('ignores X-Forwarded-For unless TRUST_PROXY is set: a client cannot pose as many to dodge the limit', async () => {
      expect(await loginStatuses(undefined, ['203.0.113.1', '203.0.113.2', '203.0.113.3'])).toEqual([401, 401, 429]);
    });

    it.each([
      ['the loopback proxy', 'loopback'],
      ['one hop', '1'],
      ['a CIDR range', '127.0.0.0/8, ::1/128'],
    ])('gives each forwarded client its own bucket behind %s', async (_case, trustProxy) => {
      expect(await loginStatuses(trustProxy, ['198.51.100.1', '198.51.100.1', '198.51.100.2', '198.51.100.2', '198.51.100.1'])).toEqual([401, 401, 401, 401, 429]);
    });
  });

  it('serves Prometheus metrics and the OpenAPI document without a token', async () => {
    const app = await startApi();
    try {
      const http = request(app.getHttpServer());
      await http.get('/api/v1/health/live').expect(200);
      const metrics = await http.get('/api/v1/metrics').expect(200);
      expect(metrics.text).toContain('http_request_duration_seconds_bucket');
      const document = await http.get('/api/v1/docs-json').expect(200);
      expect(Object.keys(document.body.paths)).toContain('/api/v1/auth/login');
    } finally {
      await app.close();
    }
  });

  it('keeps an idle keep-alive connection open past the 5 s Node defaults to, so a client reusing it is not reset', async () => {
    const app = await startApi();
    try {
      await app.listen(0, '127.0.0.1');
      const socket = connect((app.getHttpServer().address() as AddressInfo).port, '127.0.0.1').setEncoding('utf8');
      let closed = false;
      socket.on('close', () => (closed = true));
      const ask = async () => {
        const answer = once(socket, 'data');
        socket.write('GET /api/v1/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n');
        return String((await answer)[0]);
      };
      expect(await ask()).toMatch(/^HTTP\/1\.1 200/);
      await sleep(5_500);
      expect(closed).toBe(false);
      expect(await ask()).toMatch(/^HTTP\/1\.1 200/);
      socket.destroy();
    } finally {
      await app.close();
    }
  });

  describe('readiness', () => {
    let dataDir: string;
    let redis: OwnRedis;
    let app: INestApplication;

    beforeAll(async () => {
      dataDir = mkdtempSync(path.join(tmpdir(), 'readiness-'));
      redis = await startOwnRedis(dataDir);
      app = await startApi({ REDIS_URL: redis.url });
    });
    afterAll(async () => {
      await app.close();
      await redis.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('is 503 naming Redis while Redis is down, and 200 again once it is back', async () => {
      const http = request(app.getHttpServer());
      const up = await http.get('/api/v1/health/ready').expect(200);
      expect(up.body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up', chroma: 'up' } });

      await redis.stop();
      const down = await http.get('/api/v1/health/ready').expect(503);
      expect(down.body).toMatchObject({ code: 'not_ready', details: [{ field: 'redis', problem: expect.any(String) }] });
      expect(down.body.details.map((d: { field: string }) => d.field)).toEqual(['redis']);
      // The rate limit fails open rather than holding the request until Redis returns.
      const started = Date.now();
      await http.post('/api/v1/auth/login').send({ email: 'nobody@example.test', password: 'whatever-it-is' }).timeout(15_000).expect(401);
      expect(Date.now() - started).toBeLessThan(10_000);

      await redis.restart();
      let status = 0;
      for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
        status = (await http.get('/api/v1/health/ready')).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe(200);
    });
  });

  it('is 503 naming the vector store when it does not answer in time, and does not wait past the probe timeout', async () => {
    // Accepts the connection and never answers, as a wedged Chroma would.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const app = await startApi({ CHROMA_URL: `http://127.0.0.1:${(silent.address() as AddressInfo).port}` });
    try {
      const down = await request(app.getHttpServer()).get('/api/v1/health/ready').expect(503);
      expect(down.body).toMatchObject({ statusCode: 503, code: 'not_ready', details: [{ field: 'chroma', problem: expect.stringContaining('timeout') }] });
      expect(down.body.details).toHaveLength(1);
    } finally {
      await app.close();
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
