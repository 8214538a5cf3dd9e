import type { INestApplication } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import request from 'supertest';
import { createSession, startApi, testJwtSecret, testPassword } from './support/test-app';

const secret = testJwtSecret;
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (header: object, payload: object, key = secret) => {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
};
const decode = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

describe('auth', () => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    // No grace: a rotated token presented again at once counts as reuse (browser-sessions covers the grace).
    app = await startApi({ REFRESH_REUSE_GRACE_SECONDS: '0' });
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  it('logs in and shows the profile', async () => {
    const member = await createSession(app, 'member');
    const me = await http.get('/api/v1/me').set(member.auth).expect(200);
    expect(me.body).toMatchObject({ id: member.id, email: member.email, role: 'member', department: { id: member.departmentId } });
  });

  it('refuses a wrong password in the error shape', async () => {
    const member = await createSession(app, 'member');
    const response = await http.post('/api/v1/auth/login').set('x-request-id', 'req-login-1').send({ email: member.email, password: 'wrong password!' });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'invalid_credentials',
      message: expect.any(String),
      requestId: 'req-login-1',
    });
  });

  it('rotates refresh tokens and revokes the family when a rotated one is reused', async () => {
    const member = await createSession(app, 'member');
    const first = await http.post('/api/v1/auth/refresh').send({ refreshToken: member.refreshToken }).expect(200);
    expect(first.body.refreshToken).not.toBe(member.refreshToken);

    const reuse = await http.post('/api/v1/auth/refresh').send({ refreshToken: member.refreshToken }).expect(401);
    expect(reuse.body.code).toBe('refresh_token_reused');

    const afterReuse = await http.post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
    expect(afterReuse.body.code).toBe('invalid_refresh_token');
  });

  it('stops a refresh token working after logout', async () => {
    const member = await createSession(app, 'member');
    await http.post('/api/v1/auth/logout').set(member.auth).send({ refreshToken: member.refreshToken }).expect(204);
    await http.post('/api/v1/auth/refresh').send({ refreshToken: member.refreshToken }).expect(401);
  });

  describe('rejects forged access tokens', () => {
    let claims: Record<string, unknown>;
    beforeAll(async () => {
      claims = decode((await createSession(app, 'member')).accessToken);
    });

    it.each([
      ['alg none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`],
      ['a tampered payload', () => sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, role: 'admin' }, randomBytes(48).toString('base64url'))],
      ['a wrong signature', () => sign({ alg: 'HS256', typ: 'JWT' }, claims, randomBytes(48).toString('base64url'))],
      ['an expired token', () => sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: 1_000_000, exp: 1_000_900 })],
      ['a wrong audience', () => sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, aud: 'someone-else' })],
      ['a different algorithm', () => sign({ alg: 'HS512', typ: 'JWT' }, claims)],
    ])('%s → 401', async (_name, forge) => {
      const response = await http.get('/api/v1/me').set('Authorization', `Bearer ${forge()}`).expect(401);
      expect(response.body.code).toBe('unauthenticated');
    });

    it('accepts the same claims when correctly signed (the forgeries fail for their flaw)', async () => {
      await http
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${sign({ alg: 'HS256', typ: 'JWT' }, claims)}`)
        .expect(200);
    });
  });

  it('stops a disabled user’s tokens working', async () => {
    const admin = await createSession(app, 'admin');
    const member = await createSession(app, 'member');
    await http.patch(`/api/v1/org/users/${member.id}`).set(admin.auth).send({ disabled: true }).expect(200);
    await http.get('/api/v1/me').set(member.auth).expect(401);
    await http.post('/api/v1/auth/refresh').send({ refreshToken: member.refreshToken }).expect(401);
    await http.post('/api/v1/auth/login').send({ email: member.email, password: testPassword }).expect(401);
  });

  it('echoes x-request-id, or makes one', async () => {
    const echoed = await http.get('/api/v1/health/live').set('x-request-id', 'abc-123').expect(200);
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const made = await http.get('/api/v1/health/live').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
