import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createRedisConnection, type RedisClient } from '@app/platform';
import { dashboardKey } from '../../libs/queue-dashboard/src/persistence/redis-dashboard-access';
import { createSession, startApi, type TestUser } from './support/test-app';

const page = '/api/v1/admin/queues';
const queuesApi = `${page}/api/queues`;

/** The session cookie the ticket's redirect set, as a browser would send it back. */
function sessionCookieOf(response: request.Response): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((line) => line.startsWith('queue_dashboard_session='));
  if (!cookie) throw new Error(`no dashboard cookie in ${JSON.stringify(cookies)}`);
  return cookie.split(';')[0];
}

describe('queue dashboard (/admin/queues)', () => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let redis: RedisClient;
  let admin: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    app = await startApi();
    http = request(app.getHttpServer());
    redis = createRedisConnection(process.env.REDIS_URL!, {}, 'dashboard-test');
    admin = await createSession(app, 'admin');
    member = await createSession(app, 'member', admin.departmentId);
  });
  afterAll(async () => {
    await redis.quit();
    await app.close();
  });

  const ticketFor = async (user: TestUser) => (await http.post(`${page}/session`).set(user.auth).expect(201)).body as { ticket: string; url: string; expiresInSeconds: number };
  const openAs = async (user: TestUser) => {
    const { url } = await ticketFor(user);
    return sessionCookieOf(await http.get(url).expect(303));
  };

  it('answers 401 to an anonymous request for the page, its API and its static files, even with an admin bearer token', async () => {
    for (const path of [page, `${page}/`, queuesApi, `${page}/static/js/main.js`, `${page}/queue/ingest`]) {
      const response = await http.get(path).expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, code: 'dashboard_session_required' });
    }
    await http.get(queuesApi).set(admin.auth).expect(401);
    await http.get(queuesApi).set('Cookie', 'queue_dashboard_session=made-up').expect(401);
    await http.put(`${page}/api/queues/ingest/pause`).expect(401);
  });

  it('gives no ticket to a member (403) or to an anonymous caller (401)', async () => {
    const refused = await http.post(`${page}/session`).set(member.auth).expect(403);
    expect(refused.body).toMatchObject({ code: 'admin_only' });
    expect(refused.body.ticket).toBeUndefined();
    await http.post(`${page}/session`).expect(401);
  });

  it('lets an admin in through a ticket: an HttpOnly, SameSite=Strict cookie on its own path, then the page, its assets and its API listing the ingestion queue', async () => {
    const { ticket, url, expiresInSeconds } = await ticketFor(admin);
    expect(url).toBe(`${page}?ticket=${encodeURIComponent(ticket)}`);
    expect(expiresInSeconds).toBeGreaterThan(0);
    expect(expiresInSeconds).toBeLessThanOrEqual(60);

    const redirect = await http.get(url).expect(303);
    expect(redirect.headers.location).toMatch(/^\/api\/v1\/admin\/queues\/?$/);
    expect(redirect.headers.location).not.toContain('ticket');
    const setCookie = ([] as string[]).concat(redirect.headers['set-cookie']).find((line) => line.startsWith('queue_dashboard_session='))!;
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Strict/i);
    expect(setCookie).toMatch(/; Path=\/api\/v1\/admin\/queues(;|$)/);
    const cookie = sessionCookieOf(redirect);

    const html = await http
      .get(page)
      .set('Cookie', cookie)
      .expect(200)
      .expect('content-type', /text\/html/);
    expect(html.text).toContain('__UI_CONFIG__');
    const csp = html.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    const script = /<script defer src="([^"]+)"/.exec(html.text)?.[1];
    expect(script).toBeDefined();
    const asset = await http.get(`${page}/${script}`).set('Cookie', cookie).expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    await http.get(`${page}/${script}`).expect(401);

    const queues = await http.get(queuesApi).set('Cookie', cookie).expect(200);
    expect(queues.body.queues.map((queue: { name: string }) => queue.name)).toEqual(['ingest']);
    expect(queues.body.queues[0]).toMatchObject({ name: 'ingest', readOnlyMode: true });
  });

  it('keeps the dashboard read-only: its actions on the ingestion queue are refused', async () => {
    const cookie = await openAs(admin);
    const pause = await http.put(`${page}/api/queues/ingest/pause`).set('Cookie', cookie);
    expect(pause.status).toBeGreaterThanOrEqual(400);
    const queues = await http.get(queuesApi).set('Cookie', cookie).expect(200);
    expect(queues.body.queues[0].isPaused).toBe(false);
  });

  it('scopes its Content-Security-Policy to its own path, leaving the rest of the API as it was', async () => {
    const cookie = await openAs(admin);
    const dashboardCsp = (await http.get(page).set('Cookie', cookie).expect(200)).headers['content-security-policy'];
    const apiCsp = (await http.get('/api/v1/health/live').expect(200)).headers['content-security-policy'];
    expect(apiCsp).toBeDefined();
    expect(apiCsp).not.toBe(dashboardCsp);
    const docsCsp = (await http.get('/api/v1/me').set(admin.auth).expect(200)).headers['content-security-policy'];
    expect(docsCsp).toBe(apiCsp);
  });

  it('spends a ticket on first use: a second use is 401, even racing the first', async () => {
    const { url } = await ticketFor(admin);
    const [first, second] = await Promise.all([http.get(url), http.get(url)]);
    expect([first.status, second.status].sort()).toEqual([303, 401]);
    const reused = await http.get(url).expect(401);
    expect(reused.body).toMatchObject({ code: 'invalid_dashboard_ticket' });
    expect(reused.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a ticket once it has expired', async () => {
    const { ticket, url } = await ticketFor(admin);
    expect(await redis.ttl(dashboardKey('ticket', ticket))).toBeGreaterThan(0);
    await redis.pexpire(dashboardKey('ticket', ticket), 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const expired = await http.get(url).expect(401);
    expect(expired.body).toMatchObject({ code: 'invalid_dashboard_ticket' });
    await http.get(`${page}?ticket=made-up`).expect(401);
  });

  it('shuts a demoted admin out at their next request, and a disabled one too', async () => {
    const demoted = await createSession(app, 'admin', admin.departmentId);
    const cookie = await openAs(demoted);
    await http.get(queuesApi).set('Cookie', cookie).expect(200);
    await http.patch(`/api/v1/org/users/${demoted.id}`).set(admin.auth).send({ role: 'member' }).expect(200);
    const refused = await http.get(queuesApi).set('Cookie', cookie).expect(403);
    expect(refused.body).toMatchObject({ code: 'admin_only' });
    await http.get(page).set('Cookie', cookie).expect(403);

    const disabled = await createSession(app, 'admin', admin.departmentId);
    const disabledCookie = await openAs(disabled);
    await http.patch(`/api/v1/org/users/${disabled.id}`).set(admin.auth).send({ disabled: true }).expect(200);
    await http.get(queuesApi).set('Cookie', disabledCookie).expect(401);
  });

  it('will not redeem a ticket for an admin demoted after it was issued', async () => {
    const soonMember = await createSession(app, 'admin', admin.departmentId);
    const { url } = await ticketFor(soonMember);
    await http.patch(`/api/v1/org/users/${soonMember.id}`).set(admin.auth).send({ role: 'member' }).expect(200);
    const refused = await http.get(url).expect(403);
    expect(refused.headers['set-cookie']).toBeUndefined();
  });

  it('is listed in the OpenAPI document', async () => {
    const document = await http.get('/api/v1/docs-json').expect(200);
    expect(document.body.paths['/api/v1/admin/queues/session']?.post).toBeDefined();
  });
});
