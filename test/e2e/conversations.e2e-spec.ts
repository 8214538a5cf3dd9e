import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createSession, startApi, type TestUser } from './support/test-app';

describe('conversations', () => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let owner: TestUser;
  let stranger: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    app = await startApi();
    http = request(app.getHttpServer());
    owner = await createSession(app, 'member');
    stranger = await createSession(app, 'member', owner.departmentId);
    admin = await createSession(app, 'admin', owner.departmentId);
  });
  afterAll(() => app.close());

  it('creates, lists, renames, reads and deletes a conversation', async () => {
    const created = await http.post('/api/v1/conversations').set(owner.auth).send({ title: '  Travel  ' }).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), title: 'Travel', createdAt: expect.any(String), updatedAt: expect.any(String), messageCount: 0 });
    const id = created.body.id;

    const renamed = await http.patch(`/api/v1/conversations/${id}`).set(owner.auth).send({ title: 'Travel policy' }).expect(200);
    expect(renamed.body.title).toBe('Travel policy');

    const read = await http.get(`/api/v1/conversations/${id}`).set(owner.auth).expect(200);
    expect(read.body).toMatchObject({ id, title: 'Travel policy', messages: [], messageCount: 0 });

    const listed = await http.get('/api/v1/conversations').set(owner.auth).expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(id);

    await http.delete(`/api/v1/conversations/${id}`).set(owner.auth).expect(204);
    await http.get(`/api/v1/conversations/${id}`).set(owner.auth).expect(404);
  });

  it('lists newest activity first, a page at a time', async () => {
    const user = await createSession(app, 'member');
    const ids: string[] = [];
    for (const title of ['one', 'two', 'three']) ids.push((await http.post('/api/v1/conversations').set(user.auth).send({ title }).expect(201)).body.id);
    await http.patch(`/api/v1/conversations/${ids[0]}`).set(user.auth).send({ title: 'one again' }).expect(200);

    const first = await http.get('/api/v1/conversations?limit=2').set(user.auth).expect(200);
    expect(first.body.items.map((c: { id: string }) => c.id)).toEqual([ids[0], ids[2]]);
    const second = await http.get(`/api/v1/conversations?limit=2&cursor=${first.body.nextCursor}`).set(user.auth).expect(200);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[1], messageCount: 0 })], nextCursor: null });
  });

  it('answers 404 to everyone but the owner, admins included, and leaves the conversation alone', async () => {
    const { body } = await http.post('/api/v1/conversations').set(owner.auth).send({ title: 'Mine' }).expect(201);
    for (const other of [stranger, admin]) {
      const read = await http.get(`/api/v1/conversations/${body.id}`).set(other.auth).expect(404);
      expect(read.body.code).toBe('conversation_not_found');
      await http.patch(`/api/v1/conversations/${body.id}`).set(other.auth).send({ title: 'Theirs' }).expect(404);
      await http.delete(`/api/v1/conversations/${body.id}`).set(other.auth).expect(404);
      const list = await http.get('/api/v1/conversations').set(other.auth).expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(body.id);
    }
    await http.get(`/api/v1/conversations/${body.id}`).set(owner.auth).expect(200);
    await http.get(`/api/v1/conversations/${randomUUID()}`).set(owner.auth).expect(404);
  });

  it('validates titles and ids', async () => {
    const { body } = await http.post('/api/v1/conversations').set(owner.auth).send({}).expect(201);
    expect(body.title).toBeNull();
    const tooLong = await http
      .patch(`/api/v1/conversations/${body.id}`)
      .set(owner.auth)
      .send({ title: 'x'.repeat(201) })
      .expect(400);
    expect(tooLong.body.details).toEqual([{ field: 'title', problem: 'must be at most 200 characters' }]);
    await http.patch(`/api/v1/conversations/${body.id}`).set(owner.auth).send({ title: '   ' }).expect(400);
    await http.patch(`/api/v1/conversations/${body.id}`).set(owner.auth).send({ title: 'ok', extra: 1 }).expect(400);
    await http.get('/api/v1/conversations/not-a-uuid').set(owner.auth).expect(400);
  });
});
