import type { INestApplication } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { createSession, startApi, testPassword } from './support/test-app';

/** The refresh_token cookie a response sets: its value and attributes, lower-cased names. */
function refreshCookieOf(response: request.Response) {
  const header = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith('refresh_token='));
  if (!header) return null;
  const [pair, ...attributes] = header.split(/;\s*/);
  return {
    value: decodeURIComponent(pair.slice('refresh_token='.length)),
    attributes: Object.fromEntries(attributes.map((attribute) => [attribute.split('=')[0].toLowerCase(), attribute.split('=')[1] ?? true])),
  };
}

const asCookie = (value: string) => `refresh_token=${encodeURIComponent(value)}`;

describe('browser sessions', () => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await startApi({ REFRESH_REUSE_GRACE_SECONDS: '1' });
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  const login = (email: string, host?: string) => {
    const call = http.post('/api/v1/auth/login').send({ email, password: testPassword });
    return host ? call.set('Host', host) : call;
  };

  it('sets the refresh token as an HttpOnly, SameSite=Strict cookie on the auth path, Secure off localhost', async () => {
    const member = await createSession(app, 'member');
    const remote = await login(member.email, 'assistant.example.org').expect(200);
    const cookie = refreshCookieOf(remote);
    expect(cookie?.value).toBe(remote.body.refreshToken);
    expect(cookie?.attributes).toMatchObject({ httponly: true, samesite: 'Strict', path: '/api/v1/auth', secure: true });
    expect(Number(cookie?.attributes['max-age'])).toBeGreaterThan(24 * 3600);

    const local = refreshCookieOf(await login(member.email, 'localhost:3000').expect(200));
    expect(local?.attributes).toMatchObject({ httponly: true, samesite: 'Strict', path: '/api/v1/auth' });
    expect(local?.attributes.secure).toBeUndefined();
  });

  it('refreshes from the cookie when the body has no token, and rotates the cookie', async () => {
    const member = await createSession(app, 'member');
    const first = await http.post('/api/v1/auth/refresh').set('Cookie', asCookie(member.refreshToken)).expect(200);
    const rotated = refreshCookieOf(first);
    expect(rotated?.value).toBe(first.body.refreshToken);
    expect(rotated?.value).not.toBe(member.refreshToken);
    expect(first.body.user).toMatchObject({ id: member.id });
    // No body at all, as a browser's fetch may send it.
    await http.post('/api/v1/auth/refresh').set('Cookie', asCookie(rotated!.value)).expect(200);
  });

  it('prefers the body’s token to the cookie, for clients that send both', async () => {
    const [ada, bob] = [await createSession(app, 'member'), await createSession(app, 'member')];
    const response = await http.post('/api/v1/auth/refresh').set('Cookie', asCookie(bob.refreshToken)).send({ refreshToken: ada.refreshToken }).expect(200);
    expect(response.body.user.id).toBe(ada.id);
  });

  it('answers 401 without a token anywhere, and clears a cookie that can never work', async () => {
    const none = await http.post('/api/v1/auth/refresh').expect(401);
    expect(none.body).toMatchObject({ code: 'invalid_refresh_token', requestId: expect.any(String) });
    const bad = await http.post('/api/v1/auth/refresh').set('Cookie', asCookie('not-a-token')).expect(401);
    const cleared = refreshCookieOf(bad);
    expect(cleared?.value).toBe('');
    expect(new Date(String(cleared?.attributes.expires)).getTime()).toBeLessThan(Date.now());
  });

  it('lets two refreshes of the same token at the same moment both succeed', async () => {
    const member = await createSession(app, 'member');
    const both = await Promise.all([0, 1].map(() => http.post('/api/v1/auth/refresh').set('Cookie', asCookie(member.refreshToken))));
    expect(both.map((response) => response.status)).toEqual([200, 200]);
    for (const response of both) await http.get('/api/v1/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
    // Whichever cookie the browser keeps goes on working.
    for (const response of both) await http.post('/api/v1/auth/refresh').send({ refreshToken: response.body.refreshToken }).expect(200);
  });

  it('still revokes the family when a rotated token comes back after the grace', async () => {
    const member = await createSession(app, 'member');
    const next = await http.post('/api/v1/auth/refresh').send({ refreshToken: member.refreshToken }).expect(200);
    await sleep(1_200);
    const reuse = await http.post('/api/v1/auth/refresh').send({ refreshToken: member.refreshToken }).expect(401);
    expect(reuse.body.code).toBe('refresh_token_reused');
    const afterReuse = await http.post('/api/v1/auth/refresh').send({ refreshToken: next.body.refreshToken }).expect(401);
    expect(afterReuse.body.code).toBe('invalid_refresh_token');
    // The family's access tokens stop too.
    const me = await http.get('/api/v1/me').set('Authorization', `Bearer ${next.body.accessToken}`).expect(401);
    expect(me.body.code).toBe('session_ended');
  });

  it('logs out the cookie’s session and clears the cookie, leaving the user’s other sessions', async () => {
    const member = await createSession(app, 'member');
    const other = await login(member.email).expect(200);
    const out = await http.post('/api/v1/auth/logout').set(member.auth).set('Cookie', asCookie(member.refreshToken)).expect(204);
    expect(refreshCookieOf(out)?.value).toBe('');
    await http.post('/api/v1/auth/refresh').set('Cookie', asCookie(member.refreshToken)).expect(401);
    await http.post('/api/v1/auth/refresh').send({ refreshToken: other.body.refreshToken }).expect(200);
  });

  it('tells a disabled account apart from an ended session, on guarded routes, refresh and login', async () => {
    const admin = await createSession(app, 'admin');
    const member = await createSession(app, 'member');
    await http.patch(`/api/v1/org/users/${member.id}`).set(admin.auth).send({ disabled: true }).expect(200);
    for (const response of [await http.get('/api/v1/me').set(member.auth), await http.post('/api/v1/auth/refresh').set('Cookie', asCookie(member.refreshToken)), await login(member.email)]) {
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('account_disabled');
    }
    const wrongPassword = await http.post('/api/v1/auth/login').send({ email: member.email, password: 'not the password' }).expect(401);
    expect(wrongPassword.body.code).toBe('invalid_credentials');
  });
});
