import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createSession, startApi, testPassword } from './support/test-app';

// Two API processes on one database and one Redis: a token refused by one is refused by both.
describe('access tokens end with their session', () => {
  let first: INestApplication;
  let second: INestApplication;
  let a: ReturnType<typeof request>;
  let b: ReturnType<typeof request>;

  beforeAll(async () => {
    [first, second] = [await startApi(), await startApi()];
    [a, b] = [request(first.getHttpServer()), request(second.getHttpServer())];
  });
  afterAll(() => Promise.all([first.close(), second.close()]));

  const me = async (http: ReturnType<typeof request>, accessToken: string) => {
    const response = await http.get('/api/v1/me').set('Authorization', `Bearer ${accessToken}`);
    return { status: response.status, code: response.body.code as string | undefined };
  };
  const login = async (email: string, password = testPassword) => (await a.post('/api/v1/auth/login').send({ email, password }).expect(200)).body;

  it('stops a logged-out session’s access token in every process, and only that session’s', async () => {
    const member = await createSession(app(), 'member');
    const phone = await login(member.email);
    expect(await me(b, member.accessToken)).toEqual({ status: 200, code: undefined }); // now cached in the second process
    await a.post('/api/v1/auth/logout').set(member.auth).send({ refreshToken: member.refreshToken }).expect(204);
    expect(await me(b, member.accessToken)).toEqual({ status: 401, code: 'session_ended' });
    expect(await me(a, member.accessToken)).toEqual({ status: 401, code: 'session_ended' });
    expect((await me(b, phone.accessToken)).status).toBe(200);
  });

  it('stops every access token of the user at a logout everywhere, and a login right after works', async () => {
    const member = await createSession(app(), 'member');
    const phone = await login(member.email);
    expect((await me(b, phone.accessToken)).status).toBe(200);
    await a.post('/api/v1/auth/logout').set(member.auth).send({ everywhere: true }).expect(204);
    // Within the same second as the logout, as often as not.
    const fresh = await login(member.email);
    expect(await me(b, member.accessToken)).toEqual({ status: 401, code: 'session_ended' });
    expect(await me(b, phone.accessToken)).toEqual({ status: 401, code: 'session_ended' });
    expect((await me(b, fresh.accessToken)).status).toBe(200);
  });

  it('stops the old access tokens when an admin changes the password', async () => {
    const admin = await createSession(app(), 'admin');
    const member = await createSession(app(), 'member');
    expect((await me(b, member.accessToken)).status).toBe(200);
    await a.patch(`/api/v1/org/users/${member.id}`).set(admin.auth).send({ password: 'a brand new password' }).expect(200);
    expect(await me(b, member.accessToken)).toEqual({ status: 401, code: 'session_ended' });
    const fresh = await login(member.email, 'a brand new password');
    expect((await me(b, fresh.accessToken)).status).toBe(200);
  });

  it('never brings back tokens issued before a disable when the account is enabled again', async () => {
    const admin = await createSession(app(), 'admin');
    const member = await createSession(app(), 'member');
    expect((await me(b, member.accessToken)).status).toBe(200);
    await a.patch(`/api/v1/org/users/${member.id}`).set(admin.auth).send({ disabled: true }).expect(200);
    expect(await me(b, member.accessToken)).toEqual({ status: 401, code: 'account_disabled' });
    await a.patch(`/api/v1/org/users/${member.id}`).set(admin.auth).send({ disabled: false }).expect(200);
    expect(await me(b, member.accessToken)).toEqual({ status: 401, code: 'session_ended' });
    await b.post('/api/v1/auth/refresh').send({ refreshToken: member.refreshToken }).expect(401);
    const fresh = await login(member.email);
    expect((await me(b, fresh.accessToken)).status).toBe(200);
  });

  function app() {
    return first;
  }
});
