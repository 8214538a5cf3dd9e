import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { LocalExtractiveChatModel } from '@app/llm';
import { configureHttpApp } from '@app/platform';
import { createMigratedDatabase } from './support/own-database';
import { SseReader } from './support/sse-client';
import { createSession, useTestEnvironment, type TestUser } from './support/test-app';

jest.setTimeout(90_000);

// Exact figures need a database no other suite writes to.
let databaseUrl: string;

const Q1 = 'What is the travel policy for trains?';
const Q2 = 'Who approves a laptop purchase?';
const Q3 = 'How many days of leave remain this year?';
const PAST_DAY = '2026-11-03';

interface Answered {
  assistantMessageId: string;
  conversationId: string;
  usage?: { inputTokens: number; outputTokens: number };
  answer: string;
}

describe('admin reports: feedback and usage', () => {
  let app: INestApplication;
  let url: string;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  const names = { a: `Sales ${randomUUID().slice(0, 6)}`, b: `Legal ${randomUUID().slice(0, 6)}` };
  let first: Answered;
  let second: Answered;
  let stopped: Answered;
  let pastFailedId: string;

  const http = () => request(app.getHttpServer());
  const sql = (text: string, params: unknown[] = []) => app.get(EntityManager).getConnection().execute(text, params);

  async function ask(user: TestUser, message: string, conversationId?: string): Promise<Answered> {
    const stream = await SseReader.post(`${url}/chat`, user.auth, { message, ...(conversationId ? { conversationId } : {}) });
    await stream.all(30_000);
    const done = stream.events.at(-1)!;
    expect(done.event).toBe('done');
    return { ...stream.events[0].data, usage: done.data.usage, answer: stream.text() };
  }

  beforeAll(async () => {
    databaseUrl = await createMigratedDatabase('insights');
    useTestEnvironment({ DATABASE_URL: databaseUrl, CHROMA_COLLECTION: `insights_${randomUUID().slice(0, 8)}` });
    // Slow enough words that a stop lands mid-answer.
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot()] })
      .overrideProvider(BaseChatModel)
      .useValue(new LocalExtractiveChatModel({ tokenDelayMs: 150 }))
      .compile();
    app = configureHttpApp(moduleRef.createNestApplication({ bufferLogs: true }));
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/api/v1`;

    admin = await createSession(app, 'admin');
    alice = await createSession(app, 'member');
    bob = await createSession(app, 'member');
    await sql('update departments set name = ? where id = ?', [names.a, alice.departmentId]);
    await sql('update departments set name = ? where id = ?', [names.b, bob.departmentId]);

    // Two complete answers in one conversation of Alice's, rated down and up.
    first = await ask(alice, Q1);
    second = await ask(alice, Q2, first.conversationId);
    await http().post(`/api/v1/chat/${first.assistantMessageId}/feedback`).set(alice.auth).send({ rating: 'down', comment: 'Nothing about trains' }).expect(201);
    await http().post(`/api/v1/chat/${second.assistantMessageId}/feedback`).set(alice.auth).send({ rating: 'up' }).expect(201);

    // Bob stops his answer after its first word, and rates it down.
    const stream = await SseReader.post(`${url}/chat`, bob.auth, { message: Q3 });
    await stream.until('token');
    const meta = stream.events[0].data;
    await http().post(`/api/v1/chat/${meta.assistantMessageId}/stop`).set(bob.auth).expect(202);
    await stream.all(10_000);
    expect(stream.events.at(-1)!.data).toMatchObject({ finishReason: 'stopped' });
    stopped = { ...meta, usage: stream.events.at(-1)!.data.usage, answer: stream.text() };
    await http().post(`/api/v1/chat/${stopped.assistantMessageId}/feedback`).set(bob.auth).send({ rating: 'down' }).expect(201);

    // An earlier day of Bob's department, as older rows hold it: one failed answer (rated),
    // one interrupted and one complete with the model's token counts.
    const conversation = randomUUID();
    const at = `${PAST_DAY}T09:00:00.000Z`;
    await sql(`insert into conversations (id, user_id, title, created_at, updated_at) values (?, ?, 'Old', ?, ?)`, [conversation, bob.id, at, at]);
    pastFailedId = randomUUID();
    const rows: Array<[string, string, string, string | null]> = [
      [randomUUID(), 'user', 'complete', null],
      [pastFailedId, 'assistant', 'failed', null],
      [randomUUID(), 'user', 'complete', null],
      [randomUUID(), 'assistant', 'interrupted', null],
      [randomUUID(), 'user', 'complete', null],
      [randomUUID(), 'assistant', 'complete', JSON.stringify({ inputTokens: 700, outputTokens: 30, totalTokens: 730 })],
    ];
    for (const [index, [id, role, status, usage]] of rows.entries()) {
      const created = new Date(Date.parse(at) + Math.floor(index / 2) * 60_000).toISOString();
      await sql(
        // One line, each message following the one before, as chat writes them.
        `insert into messages (id, conversation_id, role, content, status, usage, ending, created_at, updated_at, selected_at, parent_id) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)`,
        [id, conversation, role, `${role} ${index}`, status, usage, role === 'assistant' ? status : null, created, created, created, rows[index - 1]?.[0] ?? null],
      );
    }
    await sql(`insert into message_feedback (message_id, user_id, rating, comment, created_at, updated_at) values (?, ?, 'down', 'It broke', ?, ?)`, [pastFailedId, bob.id, at, at]);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  const dayOf = async (user: TestUser, conversationId: string, messageId: string) => {
    const { body } = await http().get(`/api/v1/conversations/${conversationId}`).set(user.auth).expect(200);
    return (body.messages.find((m: { id: string }) => m.id === messageId).createdAt as string).slice(0, 10);
  };

  describe('GET /admin/feedback', () => {
    it('lists rated answers, newest rating first, each with its own question, answer, comment, department and times only', async () => {
      const { body } = await http().get('/api/v1/admin/feedback').set(admin.auth).expect(200);
      expect(body.items.map((item: { assistantMessageId: string }) => item.assistantMessageId)).toEqual([
        stopped.assistantMessageId,
        second.assistantMessageId,
        first.assistantMessageId,
        pastFailedId,
      ]);
      expect(body.nextCursor).toBeNull();
      const rated = body.items[2];
      expect(Object.keys(rated).sort()).toEqual(['answer', 'answeredAt', 'assistantMessageId', 'citations', 'comment', 'department', 'ending', 'question', 'ratedAt', 'rating']);
      expect(rated).toMatchObject({
        rating: 'down',
        comment: 'Nothing about trains',
        question: Q1,
        answer: first.answer,
        citations: [],
        ending: 'complete',
        department: { id: alice.departmentId, name: names.a },
      });
      // The rest of the conversation stays out: the other question and who asked.
      expect(JSON.stringify(rated)).not.toContain(Q2);
      expect(JSON.stringify(body)).not.toContain(alice.id);
      expect(JSON.stringify(body)).not.toContain(first.conversationId);
      expect(body.items[1]).toMatchObject({ rating: 'up', question: Q2, comment: null });
      expect(body.items[0]).toMatchObject({ rating: 'down', question: Q3, ending: 'stopped', answer: stopped.answer, department: { name: names.b } });
    });

    it('filters by rating and by the days rated, and pages with the usual cursor', async () => {
      const downs = (await http().get('/api/v1/admin/feedback?rating=down&limit=2').set(admin.auth).expect(200)).body;
      expect(downs.items.map((i: { assistantMessageId: string }) => i.assistantMessageId)).toEqual([stopped.assistantMessageId, first.assistantMessageId]);
      expect(downs.nextCursor).toEqual(expect.any(String));
      const rest = (await http().get(`/api/v1/admin/feedback?rating=down&limit=2&cursor=${downs.nextCursor}`).set(admin.auth).expect(200)).body;
      expect(rest.items.map((i: { assistantMessageId: string }) => i.assistantMessageId)).toEqual([pastFailedId]);
      expect(rest.nextCursor).toBeNull();

      const past = (await http().get(`/api/v1/admin/feedback?from=${PAST_DAY}&to=${PAST_DAY}`).set(admin.auth).expect(200)).body;
      expect(past.items).toEqual([expect.objectContaining({ assistantMessageId: pastFailedId, ending: 'failed', comment: 'It broke', question: 'user 0', answer: 'assistant 1' })]);
      const ups = (await http().get('/api/v1/admin/feedback?rating=up').set(admin.auth).expect(200)).body;
      expect(ups.items.map((i: { question: string }) => i.question)).toEqual([Q2]);
      const before = (await http().get('/api/v1/admin/feedback?to=2026-11-02').set(admin.auth).expect(200)).body;
      expect(before.items).toEqual([]);
    });
  });

  describe('GET /admin/usage', () => {
    it('counts chats, answers by ending and the tokens the model reported, per day and department', async () => {
      expect(first.usage && second.usage).toBeTruthy();
      const aliceDays = [await dayOf(alice, first.conversationId, first.assistantMessageId), await dayOf(alice, first.conversationId, second.assistantMessageId)];
      const bobDay = await dayOf(bob, stopped.conversationId, stopped.assistantMessageId);
      const today = new Date().toISOString().slice(0, 10);
      const { body } = await http().get(`/api/v1/admin/usage?from=${PAST_DAY}&to=${today}`).set(admin.auth).expect(200);
      expect(body.from).toBe(PAST_DAY);
      expect(body.to).toBe(today);

      const expected = new Map<
        string,
        {
          day: string;
          departmentId: string;
          conversations: number;
          complete: number;
          stopped: number;
          interrupted: number;
          failed: number;
          inputTokens: number;
          outputTokens: number;
          answersWithoutUsage: number;
        }
      >();
      const cell = (day: string, departmentId: string) => {
        const key = `${day}|${departmentId}`;
        if (!expected.has(key)) expected.set(key, { day, departmentId, conversations: 0, complete: 0, stopped: 0, interrupted: 0, failed: 0, inputTokens: 0, outputTokens: 0, answersWithoutUsage: 0 });
        return expected.get(key)!;
      };
      cell(aliceDays[0], alice.departmentId).conversations += 1;
      for (const [index, answer] of [first, second].entries()) {
        const c = cell(aliceDays[index], alice.departmentId);
        c.complete += 1;
        c.inputTokens += answer.usage!.inputTokens;
        c.outputTokens += answer.usage!.outputTokens;
      }
      const b = cell(bobDay, bob.departmentId);
      b.conversations += 1;
      b.stopped += 1;
      if (stopped.usage) {
        b.inputTokens += stopped.usage.inputTokens;
        b.outputTokens += stopped.usage.outputTokens;
      } else b.answersWithoutUsage += 1;
      Object.assign(cell(PAST_DAY, bob.departmentId), { conversations: 1, complete: 1, interrupted: 1, failed: 1, inputTokens: 700, outputTokens: 30, answersWithoutUsage: 2 });

      const got = body.rows.map(
        (row: { day: string; department: { id: string }; conversations: number; answers: Record<string, number>; inputTokens: number; outputTokens: number; answersWithoutUsage: number }) => ({
          day: row.day,
          departmentId: row.department.id,
          conversations: row.conversations,
          ...row.answers,
          inputTokens: row.inputTokens,
          outputTokens: row.outputTokens,
          answersWithoutUsage: row.answersWithoutUsage,
        }),
      );
      const byKey = (x: { day: string; departmentId: string }) => `${x.day}|${x.departmentId}`;
      expect([...got].sort((x, y) => byKey(x).localeCompare(byKey(y)))).toEqual([...expected.values()].sort((x, y) => byKey(x).localeCompare(byKey(y))));
      expect(body.rows[0]).toMatchObject({ day: PAST_DAY, department: { name: names.b } });

      const sum = (key: 'conversations' | 'inputTokens' | 'outputTokens') => [...expected.values()].reduce((total, row) => total + row[key], 0);
      expect(body.totals).toMatchObject({ conversations: sum('conversations'), inputTokens: sum('inputTokens'), outputTokens: sum('outputTokens') });
      expect(body.totals.answers).toEqual({ complete: 3, stopped: 1, interrupted: 1, failed: 1 });
    });

    it('covers only the days asked for, and the last 30 days by default', async () => {
      const past = (await http().get(`/api/v1/admin/usage?from=${PAST_DAY}&to=${PAST_DAY}`).set(admin.auth).expect(200)).body;
      expect(past.rows).toHaveLength(1);
      expect(past.totals).toMatchObject({ conversations: 1, inputTokens: 700, answers: { complete: 1, stopped: 0, interrupted: 1, failed: 1 } });
      const fallback = (await http().get('/api/v1/admin/usage').set(admin.auth).expect(200)).body;
      const today = new Date();
      expect(fallback.to).toBe(today.toISOString().slice(0, 10));
      expect(fallback.from).toBe(new Date(today.getTime() - 29 * 86_400_000).toISOString().slice(0, 10));
    });
  });

  describe('refusals', () => {
    it.each(['/api/v1/admin/feedback', '/api/v1/admin/usage'])('%s: 401 without a token, 403 admin_only for a member', async (path) => {
      const anonymous = await http().get(path).expect(401);
      expect(anonymous.body).toMatchObject({ statusCode: 401, code: 'unauthenticated', requestId: expect.any(String) });
      const member = await http().get(path).set(alice.auth).expect(403);
      expect(member.body).toMatchObject({ statusCode: 403, code: 'admin_only', requestId: expect.any(String) });
    });

    it.each([
      ['/api/v1/admin/feedback?rating=meh', 'rating'],
      ['/api/v1/admin/feedback?from=2026-02-30', 'from'],
      ['/api/v1/admin/feedback?to=yesterday', 'to'],
      ['/api/v1/admin/feedback?from=2026-03-02&to=2026-03-01', 'from'],
      ['/api/v1/admin/feedback?cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['/api/v1/admin/feedback?limit=0', 'limit'],
      ['/api/v1/admin/feedback?from=2026-01-01&from=2026-01-02', 'from'],
      ['/api/v1/admin/feedback?unknown=1', 'unknown'],
      ['/api/v1/admin/usage?from=2025-01-01&to=2026-01-02', 'from'],
      ['/api/v1/admin/usage?from=2026-03-02&to=2026-03-01', 'from'],
      ['/api/v1/admin/usage?to=2026-13-01', 'to'],
      ['/api/v1/admin/usage?from=20260101', 'from'],
      ['/api/v1/admin/usage?to[]=2026-01-01', 'to[]'],
    ])('%s is a 400 naming %s', async (path, field) => {
      const { body } = await http().get(path).set(admin.auth).expect(400);
      expect(body).toMatchObject({ statusCode: 400, code: 'validation_failed', requestId: expect.any(String) });
      expect(body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });
});
