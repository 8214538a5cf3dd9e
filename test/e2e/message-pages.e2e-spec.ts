import type { INestApplication } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createSession, startApi, type TestUser } from './support/test-app';

type Item = { id: string; content: string; parentId: string | null; siblingCount: number; siblingIndex: number; siblingIds: string[] };
type Page = { items: Item[]; nextCursor: string | null };

const MESSAGES = 45;

describe('GET /conversations/:id/messages (the shown branch, a page at a time)', () => {
  let app: INestApplication;
  let owner: TestUser;
  let stranger: TestUser;
  let conversationId: string;
  let otherConversationId: string;
  /** The seeded line, first message first. */
  let line: string[];

  const http = () => request(app.getHttpServer());
  const sql = (text: string, params: unknown[] = []) => app.get(EntityManager).getConnection().execute(text, params);
  const pageOf = async (query: string, user = owner): Promise<Page> => (await http().get(`/api/v1/conversations/${conversationId}/messages${query}`).set(user.auth).expect(200)).body;

  /** Every page in turn, following nextCursor; the contents of all of them in order. */
  async function allPages(order: 'newest' | 'oldest', limit: number) {
    const contents: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await pageOf(`?order=${order}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      contents.push(...page.items.map((item) => item.content));
      sizes.push(page.items.length);
      cursor = page.nextCursor;
    } while (cursor);
    return { contents, sizes };
  }

  /** A message written as chat writes it, following `parentId`, chosen at `at`. */
  async function insertMessage(conversation: string, index: number, parentId: string | null, at: Date, content = `message ${index}`) {
    const id = randomUUID();
    const role = index % 2 === 1 ? 'user' : 'assistant';
    await sql(`insert into messages (id, conversation_id, role, content, status, created_at, updated_at, selected_at, parent_id) values (?, ?, ?, ?, 'complete', ?, ?, ?, ?)`, [
      id,
      conversation,
      role,
      content,
      at,
      at,
      at,
      parentId,
    ]);
    return id;
  }

  beforeAll(async () => {
    app = await startApi();
    owner = await createSession(app, 'member');
    stranger = await createSession(app, 'member', owner.departmentId);
    conversationId = (await http().post('/api/v1/conversations').set(owner.auth).send({ title: 'Long' }).expect(201)).body.id;
    otherConversationId = (await http().post('/api/v1/conversations').set(owner.auth).send({ title: 'Other' }).expect(201)).body.id;
    line = [];
    const start = Date.parse('2026-11-20T09:00:00.000Z');
    for (let i = 1; i <= MESSAGES; i++) line.push(await insertMessage(conversationId, i, line.at(-1) ?? null, new Date(start + i * 1000)));
    await insertMessage(otherConversationId, 1, null, new Date(start));
  });
  afterAll(() => app.close());

  const seeded = () => Array.from({ length: MESSAGES }, (_, i) => `message ${i + 1}`);

  it('pages newest first by default, then oldest first, each page on from the last', async () => {
    const first = await pageOf('?limit=20');
    expect(first.items.map((item) => item.content)).toEqual(seeded().reverse().slice(0, 20));
    expect(first.nextCursor).toEqual(expect.any(String));

    const newest = await allPages('newest', 20);
    expect(newest.sizes).toEqual([20, 20, 5]);
    expect(newest.contents).toEqual(seeded().reverse());

    const oldest = await allPages('oldest', 20);
    expect(oldest.sizes).toEqual([20, 20, 5]);
    expect(oldest.contents).toEqual(seeded());
    // A page that ends the branch exactly says so.
    const whole = await pageOf(`?order=oldest&limit=${MESSAGES}`);
    expect(whole.items).toHaveLength(MESSAGES);
    expect(whole.nextCursor).toBeNull();
  });

  it('holds the branch shown, as GET /conversations/:id does, versions and all', async () => {
    // An edited 31st message (a sibling of it, written later) and its answer: a new branch.
    const at = new Date(Date.parse('2026-11-20T10:00:00.000Z'));
    const edited = await insertMessage(conversationId, 31, line[29], at, 'message 31, edited');
    const onTheEdit = await insertMessage(conversationId, 32, edited, new Date(at.getTime() + 1000), 'message 32, on the edit');
    const branch = [...seeded().slice(0, 30), 'message 31, edited', 'message 32, on the edit'];

    expect((await allPages('newest', 7)).contents).toEqual([...branch].reverse());
    expect((await allPages('oldest', 7)).contents).toEqual(branch);
    const detail = (await http().get(`/api/v1/conversations/${conversationId}`).set(owner.auth).expect(200)).body;
    const firstPage = await pageOf(`?order=oldest&limit=100`);
    expect(firstPage.items).toEqual(detail.messages);
    const version = firstPage.items.find((item) => item.id === edited)!;
    expect(version).toMatchObject({ siblingCount: 2, siblingIndex: 2, siblingIds: [line[30], edited], parentId: line[29] });

    // Switching back to the first version shows its whole branch again, from either end.
    await http().post(`/api/v1/conversations/${conversationId}/messages/${line[30]}/show`).set(owner.auth).expect(200);
    expect((await allPages('newest', 20)).contents).toEqual(seeded().reverse());
    expect((await allPages('oldest', 20)).contents).toEqual(seeded());
    expect((await pageOf('?limit=1')).items[0].id).toBe(line.at(-1));

    // A version off the branch shown, switched to through the API: the path to it is shown too.
    await http().post(`/api/v1/conversations/${conversationId}/messages/${onTheEdit}/show`).set(owner.auth).expect(200);
    expect((await allPages('newest', 20)).contents).toEqual([...branch].reverse());
    expect((await allPages('oldest', 20)).contents).toEqual(branch);
    // And back, for the tests after this one.
    await http().post(`/api/v1/conversations/${conversationId}/messages/${line[30]}/show`).set(owner.auth).expect(200);
  });

  it('refuses a cursor it did not issue for this conversation', async () => {
    const path = `/api/v1/conversations/${conversationId}/messages`;
    const expectBadCursor = async (cursor: string) => {
      const response = await http().get(path).query({ cursor }).set(owner.auth).expect(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', details: [{ field: 'cursor' }] });
    };
    const cursorOf = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');
    await expectBadCursor('not-a-cursor');
    const issued = (await pageOf('?limit=2')).nextCursor!;
    await expectBadCursor(`${issued.slice(0, -2)}x`);
    // Well formed, but naming a message of no conversation, or of another one.
    await expectBadCursor(cursorOf('2026-11-20T09:00:01.000Z', randomUUID()));
    const [other] = (await http().get(`/api/v1/conversations/${otherConversationId}/messages`).set(owner.auth).expect(200)).body.items as Item[];
    await expectBadCursor(cursorOf('2026-11-20T09:00:00.000Z', other.id));
    // Another user's cursor for this conversation is no use to them either: the conversation is not theirs.
    await http().get(path).query({ cursor: issued }).set(stranger.auth).expect(404);

    await http().get(path).query({ order: 'sideways' }).set(owner.auth).expect(400);
    // API.md's spellings of the two orders.
    expect((await pageOf('?order=asc&limit=1')).items[0].id).toBe(line[0]);
    expect((await pageOf('?order=desc&limit=1')).items[0].id).toBe(line.at(-1));
    await http().get(path).query({ limit: '0' }).set(owner.auth).expect(400);
    await http().get(path).query({ limit: '101' }).set(owner.auth).expect(400);
  });

  it('answers 404 for another user’s conversation and 400 for a malformed id', async () => {
    const response = await http().get(`/api/v1/conversations/${conversationId}/messages`).set(stranger.auth).expect(404);
    expect(response.body).toMatchObject({ code: 'conversation_not_found' });
    await http().get(`/api/v1/conversations/${randomUUID()}/messages`).set(owner.auth).expect(404);
    await http().get('/api/v1/conversations/not-a-uuid/messages').set(owner.auth).expect(400);
    await http().get(`/api/v1/conversations/${conversationId}/messages`).expect(401);
  });
});
