import type { INestApplication } from '@nestjs/common';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CookieJarBrowser } from './support/browser';
import { CLIENT_ID, CLIENT_SECRET, TestOpenIdProvider, type TestAccount } from './support/openid-provider';
import { createSession, createUserWithoutSession, startApi, testPassword } from './support/test-app';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('single sign-on (OpenID Connect, against a real provider)', () => {
  let app: INestApplication;
  let idp: TestOpenIdProvider;
  let api: string;
  const suffix = randomUUID().slice(0, 8);
  const names = { engineering: `Engineering ${suffix}`, platform: 'Platform' };
  let departments: { engineering: string; platform: string };

  const account = (overrides: Partial<TestAccount> = {}): TestAccount => {
    const sub = randomUUID();
    return { sub, email: `${sub}@sso.example.test`, email_verified: true, name: 'Ada Lovelace', groups: [`platform-${suffix}`], ...overrides };
  };

  /** Signs in at the provider and stops where it sends the browser back to the API. */
  async function toCallback(browser: CookieJarBrowser) {
    const { url } = await browser.follow(`${api}/api/v1/auth/oidc/login`, (next) => next.pathname === '/api/v1/auth/oidc/callback');
    return url;
  }

  async function signIn(browser: CookieJarBrowser) {
    const callback = await toCallback(browser);
    const answer = await browser.request(callback, { headers: { accept: 'text/html' } });
    return { callback, answer };
  }

  async function accessTokenOf(browser: CookieJarBrowser): Promise<string> {
    const refreshed = await browser.request(`${api}/api/v1/auth/refresh`, { method: 'POST' });
    expect(refreshed.status).toBe(200);
    return ((await refreshed.json()) as { accessToken: string }).accessToken;
  }

  const me = async (accessToken: string) =>
    (
      await request(app.getHttpServer())
        .get('/api/v1/me')
        .set({ Authorization: `Bearer ${accessToken}` })
        .expect(200)
    ).body;

  beforeAll(async () => {
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    idp = await TestOpenIdProvider.start(`${api}/api/v1/auth/oidc/callback`);
    // The mapping names the departments by path; they are made below, before anyone signs in.
    const mapping = [
      { group: `platform-${suffix}`, department: `${names.engineering}/${names.platform}` },
      { group: `engineering-${suffix}`, department: names.engineering },
      { group: `leads-${suffix}`, role: 'department_admin' },
    ];
    app = await startApi({
      OIDC_ISSUER_URL: idp.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_REDIRECT_URL: `${api}/api/v1/auth/oidc/callback`,
      OIDC_PROVIDER_NAME: 'Test IdP',
      OIDC_GROUP_MAPPING: JSON.stringify(mapping),
    });
    await app.listen(port, '127.0.0.1');
    const admin = await createSession(app, 'admin');
    const http = request(app.getHttpServer());
    const engineering = (await http.post('/api/v1/org/departments').set(admin.auth).send({ name: names.engineering }).expect(201)).body.id;
    const platform = (await http.post('/api/v1/org/departments').set(admin.auth).send({ name: names.platform, parentId: engineering }).expect(201)).body.id;
    departments = { engineering, platform };
  });
  afterAll(async () => {
    await app?.close();
    await idp?.stop();
  });

  it('tells the sign-in page the provider’s name', async () => {
    const options = await request(app.getHttpServer()).get('/api/v1/auth/options').expect(200);
    expect(options.body).toEqual({ passwordLogin: true, sso: { name: 'Test IdP', loginUrl: '/api/v1/auth/oidc/login' } });
  });

  it('signs a new person in through the redirects, with an account from their verified email and their groups’ department', async () => {
    const ada = account();
    idp.signInAs(ada);
    const browser = new CookieJarBrowser();
    const start = await browser.request(`${api}/api/v1/auth/oidc/login`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(idp.issuer);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ client_id: CLIENT_ID, response_type: 'code', code_challenge_method: 'S256' });
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();

    const { answer } = await signIn(browser);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/');
    expect(await browser.cookie(`${api}/api/v1/auth/refresh`, 'refresh_token')).toBeTruthy();
    // Scripts on the page never see it: it is sent to the auth routes only.
    expect(await browser.cookie(`${api}/`, 'refresh_token')).toBeUndefined();

    const profile = await me(await accessTokenOf(browser));
    expect(profile).toMatchObject({ email: ada.email, displayName: 'Ada Lovelace', role: 'member', department: { id: departments.platform, name: names.platform } });
  });

  it('applies a change of groups at the next sign-in: department and role move with them', async () => {
    const grace = account();
    idp.signInAs(grace);
    const first = new CookieJarBrowser();
    await signIn(first);
    const before = await me(await accessTokenOf(first));
    expect(before.department.id).toBe(departments.platform);

    idp.accounts.set(grace.sub, { ...grace, groups: [`engineering-${suffix}`, `leads-${suffix}`] });
    const second = new CookieJarBrowser();
    await signIn(second);
    const after = await me(await accessTokenOf(second));
    expect(after).toMatchObject({ id: before.id, role: 'department_admin', department: { id: departments.engineering } });
    // The earlier session's access token acts as who they are now, not as who they were.
    expect((await me(await accessTokenOf(first))).department.id).toBe(departments.engineering);
  });

  it('records each sign-in in the audit log', async () => {
    const alan = account();
    idp.signInAs(alan);
    await signIn(new CookieJarBrowser());
    const admin = await createSession(app, 'admin');
    const entries = await request(app.getHttpServer()).get('/api/v1/admin/audit?action=sso.signed_in&limit=100').set(admin.auth).expect(200);
    const mine = entries.body.items.filter((entry: { detail: { email?: string } }) => entry.detail.email === alan.email);
    expect(mine).toEqual([expect.objectContaining({ action: 'sso.signed_in', targetType: 'user', detail: expect.objectContaining({ created: true, departmentId: departments.platform }) })]);
    expect(mine[0].actorId).toBe(mine[0].targetId);
  });

  it('refuses a callback whose state was tampered with, and the flow cannot be used again', async () => {
    idp.signInAs(account());
    const browser = new CookieJarBrowser();
    const callback = new URL(await toCallback(browser));
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'forged-state');
    const refused = await browser.request(tampered.href, { headers: { accept: 'text/html' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toMatch(/text\/html/);
    const page = await refused.text();
    expect(page).toContain('sso_invalid_response');
    expect(page).not.toContain('<script');
    const genuine = await browser.request(callback.href, { headers: { accept: 'application/json' } });
    expect(genuine.status).toBe(400);
    expect(await genuine.json()).toMatchObject({ code: 'sso_flow_expired' });
    expect(await browser.cookie(`${api}/api/v1/auth/refresh`, 'refresh_token')).toBeUndefined();
  });

  it('refuses a replayed callback and a replayed code', async () => {
    idp.signInAs(account());
    const browser = new CookieJarBrowser();
    const { callback, answer } = await signIn(browser);
    expect(answer.status).toBe(303);
    // The same callback again: its flow was used.
    const again = await browser.request(callback, { headers: { accept: 'application/json' } });
    expect(((await again.json()) as { code: string }).code).toBe('sso_flow_expired');
    // The same code with a new flow's state: the provider refuses a code it already redeemed.
    const next = await browser.request(`${api}/api/v1/auth/oidc/login`);
    const state = new URL(next.headers.get('location')!).searchParams.get('state')!;
    const replay = new URL(callback);
    replay.searchParams.set('state', state);
    const refused = await browser.request(replay.href, { headers: { accept: 'application/json' } });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'sso_invalid_response', message: expect.stringContaining('invalid_grant') });
  });

  it('refuses an ID token issued for another audience', async () => {
    idp.signInAs(account());
    idp.issueIdTokensFor('another-application');
    try {
      const browser = new CookieJarBrowser();
      const { answer } = await signIn(browser);
      expect(answer.status).toBe(401);
      const page = await answer.text();
      expect(page).toContain('sso_invalid_response');
      expect(page).toMatch(/aud/);
      expect(await browser.cookie(`${api}/api/v1/auth/refresh`, 'refresh_token')).toBeUndefined();
    } finally {
      idp.issueIdTokensFor(null);
    }
  });

  it('refuses an unverified email, and makes no account for it', async () => {
    const mallory = account({ email_verified: false });
    idp.signInAs(mallory);
    const { answer } = await signIn(new CookieJarBrowser());
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('no verified email address');
    await expectNoAccount(mallory.email);
  });

  it('refuses someone whose groups map to no department, with a page saying so, and records the refusal', async () => {
    const contractor = account({ groups: ['contractors'] });
    idp.signInAs(contractor);
    const { answer } = await signIn(new CookieJarBrowser());
    expect(answer.status).toBe(403);
    const page = await answer.text();
    expect(page).toContain('do not give you a department');
    expect(page).toContain(`href="/api/v1/auth/oidc/login"`);
    await expectNoAccount(contractor.email);
    const admin = await createSession(app, 'admin');
    const refusals = await request(app.getHttpServer()).get('/api/v1/admin/audit?action=sso.refused&limit=100').set(admin.auth).expect(200);
    expect(refusals.body.items).toContainEqual(
      expect.objectContaining({ actorId: null, targetType: 'identity', targetId: contractor.sub, detail: expect.objectContaining({ reason: 'sso_no_department', groups: ['contractors'] }) }),
    );
  });

  it('answers a callback without a flow cookie (a login started elsewhere) with sso_flow_expired', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/auth/oidc/callback?code=x&state=y').set('Accept', 'text/html').expect(400);
    expect(response.text).toContain('sso_flow_expired');
  });

  async function expectNoAccount(email: string) {
    const admin = await createSession(app, 'admin');
    const created = await request(app.getHttpServer())
      .post('/api/v1/org/users')
      .set(admin.auth)
      .send({ email, password: testPassword, displayName: 'Probe', role: 'member', departmentId: departments.engineering });
    expect(created.status).toBe(201);
  }
});

describe('password login turned off', () => {
  let app: INestApplication;
  const breakGlass = `glass-${randomUUID()}@example.test`;

  beforeAll(async () => {
    app = await startApi({ PASSWORD_LOGIN: 'false', PASSWORD_LOGIN_BREAK_GLASS_EMAILS: breakGlass });
  });
  afterAll(() => app?.close());

  it('refuses a password sign-in with the right password, and lets a break-glass account in', async () => {
    const http = request(app.getHttpServer());
    // createSession signs in with a password, refused here for anyone but a break-glass account.
    const member = await createUserWithoutSession(app, 'member');
    const refused = await http.post('/api/v1/auth/login').send({ email: member.email, password: testPassword }).expect(403);
    expect(refused.body.code).toBe('password_login_disabled');
    await http.post('/api/v1/auth/login').send({ email: member.email, password: 'a wrong password' }).expect(401);
    const glass = await createUserWithoutSession(app, 'admin', breakGlass);
    await http.post('/api/v1/auth/login').send({ email: glass.email, password: testPassword }).expect(200);
    expect((await http.get('/api/v1/auth/options').expect(200)).body).toEqual({ passwordLogin: false, sso: null });
  });
});
