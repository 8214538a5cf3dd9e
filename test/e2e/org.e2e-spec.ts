import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createSession, startApi, testPassword } from './support/test-app';

describe('org administration', () => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await startApi();
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  it('lets an admin build the department tree and add a member who can then log in', async () => {
    const admin = await createSession(app, 'admin');
    const parent = await http
      .post('/api/v1/org/departments')
      .set(admin.auth)
      .send({ name: `Research ${Date.now()}` })
      .expect(201);
    const child = await http.post('/api/v1/org/departments').set(admin.auth).send({ name: 'Lab', parentId: parent.body.id }).expect(201);
    expect(child.body).toEqual({ id: expect.any(String), name: 'Lab', parentId: parent.body.id });

    const tree = await http.get('/api/v1/org/departments').set(admin.auth).expect(200);
    expect(tree.body).toEqual(expect.arrayContaining([child.body, { ...parent.body, parentId: null }]));

    const email = `new-${Date.now()}@example.test`;
    await http.post('/api/v1/org/users').set(admin.auth).send({ email, password: testPassword, displayName: 'New Person', role: 'member', departmentId: child.body.id }).expect(201);
    const login = await http.post('/api/v1/auth/login').send({ email, password: testPassword }).expect(200);
    expect(login.body.user.department).toEqual({ id: child.body.id, name: 'Lab' });
  });

  it('refuses a duplicate department name under the same parent', async () => {
    const admin = await createSession(app, 'admin');
    const name = `Finance ${Date.now()}`;
    await http.post('/api/v1/org/departments').set(admin.auth).send({ name }).expect(201);
    const again = await http.post('/api/v1/org/departments').set(admin.auth).send({ name: name.toUpperCase() }).expect(409);
    expect(again.body.code).toBe('department_name_taken');
  });

  it.each([
    ['get', '/api/v1/org/users', undefined],
    ['post', '/api/v1/org/users', { email: 'new@example.test', password: testPassword, displayName: 'New', role: 'member', departmentId: '00000000-0000-4000-8000-000000000000' }],
    ['post', '/api/v1/org/departments', { name: 'Mine' }],
    ['patch', '/api/v1/org/departments/00000000-0000-4000-8000-000000000000', { name: 'Mine' }],
    ['patch', '/api/v1/org/users/00000000-0000-4000-8000-000000000000', { displayName: 'Me' }],
    ['get', '/api/v1/admin/audit', undefined],
  ] as const)('answers 403 to a member on %s %s, whether or not the target exists', async (method, path, body) => {
    const member = await createSession(app, 'member');
    const response = await http[method](path).set(member.auth).send(body).expect(403);
    expect(response.body.code).toBe('admin_only');
  });

  it('answers 401 without a token', async () => {
    const response = await http.get('/api/v1/me').expect(401);
    expect(response.body).toMatchObject({ statusCode: 401, code: 'unauthenticated' });
  });

  it('rejects unknown body fields with details', async () => {
    const admin = await createSession(app, 'admin');
    const response = await http.post('/api/v1/org/departments').set(admin.auth).send({ name: 'Ops', colour: 'red' }).expect(400);
    expect(response.body).toMatchObject({ code: 'validation_failed', details: [{ field: 'colour', problem: expect.stringContaining('should not exist') }] });
  });

  it('reports every invalid field', async () => {
    const admin = await createSession(app, 'admin');
    const response = await http.post('/api/v1/org/users').set(admin.auth).send({ email: 'nope', password: 'short', role: 'owner' }).expect(400);
    const fields = response.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'role', 'displayName', 'departmentId']));
  });

  it('answers 400 for a malformed id', async () => {
    const admin = await createSession(app, 'admin');
    const response = await http.patch('/api/v1/org/users/not-a-uuid').set(admin.auth).send({ displayName: 'x' }).expect(400);
    expect(response.body.details).toEqual([{ field: 'id', problem: 'must be a UUID' }]);
  });

  it('pages through users with an opaque cursor', async () => {
    const admin = await createSession(app, 'admin');
    await Promise.all([createSession(app, 'member'), createSession(app, 'member'), createSession(app, 'member')]);
    const first = await http.get('/api/v1/org/users?limit=2').set(admin.auth).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await http.get(`/api/v1/org/users?limit=2&cursor=${first.body.nextCursor}`).set(admin.auth).expect(200);
    const ids = new Set([...first.body.items, ...second.body.items].map((u: { id: string }) => u.id));
    expect(ids.size).toBe(4);
    await http.get('/api/v1/org/users?limit=101').set(admin.auth).expect(400);
    await http.get('/api/v1/org/users?cursor=garbage').set(admin.auth).expect(400);
  });

  it('keeps an admin from locking themselves out', async () => {
    const admin = await createSession(app, 'admin');
    const response = await http.patch(`/api/v1/org/users/${admin.id}`).set(admin.auth).send({ role: 'member' }).expect(400);
    expect(response.body.code).toBe('invalid_user_change');
  });
});
