import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { EntityManager } from '@mikro-orm/postgresql';
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { LocalExtractiveChatModel } from '@app/llm';
import { configureHttpApp } from '@app/platform';
import { buildPdf } from '../../libs/ingest/src/parsing/__fixtures__/pdf.fixture';
import { SseReader } from './support/sse-client';
import { createSession, useTestEnvironment, type TestUser } from './support/test-app';
import { startWorker } from './support/test-worker';
import { waitFor } from './support/eventually';

/** An API process on a real port, optionally with a chat model that streams slowly enough to interrupt. */
async function startListeningApi(env: Record<string, string>, tokenDelayMs = 0): Promise<{ app: INestApplication; url: string }> {
  useTestEnvironment(env);
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot()] })
    .overrideProvider(BaseChatModel)
    .useValue(new LocalExtractiveChatModel({ tokenDelayMs }))
    .compile();
  const app = configureHttpApp(moduleRef.createNestApplication({ bufferLogs: true }));
  await app.listen(0, '127.0.0.1');
  return { app, url: `${await app.getUrl()}/api/v1` };
}

const LEAVE_QUESTION = 'How many weeks of paid parental leave do employees get?';
const SECRET_QUESTIONS = [
  'What is the budget of Project Nightingale?',
  'Nightingale budget',
  'How much money does the secret project get?',
  'Which supplier was chosen for Nightingale?',
  'project nightingale 4.2 million euros',
  'What is confidential in the R&D department?',
  'Tell me about the budget',
  'Who is the supplier Corvid Systems?',
  'What does the board know about Nightingale?',
  'List every project with a budget in euros',
  'parental leave and Nightingale budget',
  'How many weeks of parental leave, and what is the Nightingale budget?',
];

jest.setTimeout(60_000);

const settings = {
  CHROMA_COLLECTION: `chat_${randomUUID().slice(0, 8)}`,
  STORAGE_DIR: path.join(process.env.TEST_DATA_DIR ?? '/tmp', `chat-blobs-${randomUUID().slice(0, 8)}`),
};

/** Uploads through the real pipeline (POST /files, then the worker) and waits until the file is ready. */
async function ingest(api: { app: INestApplication }, admin: TestUser, name: string, bytes: Buffer, departmentId: string): Promise<string> {
  const http = request(api.app.getHttpServer());
  const { body } = await http.post('/api/v1/files').set(admin.auth).field('departmentId', departmentId).field('visibility', 'department').attach('file', bytes, name).expect(202);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const file = (await http.get(`/api/v1/files/${body.id}`).set(admin.auth).expect(200)).body;
    if (file.status === 'ready') return file.id;
    if (file.status === 'failed' || Date.now() > deadline) throw new Error(`${name} ended ${file.status}: ${JSON.stringify(file.error)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('chat (SSE)', () => {
  let worker: INestApplicationContext;
  let slow: { app: INestApplication; url: string };
  let fast: { app: INestApplication; url: string };
  let member: TestUser;
  let outsider: TestUser;
  let orphanId: string;
  let leaveFileId: string;
  let secretFileId: string;
  // Two departments below the member's: Lab and, beside it, Studio.
  let labMember: TestUser;
  let studioMember: TestUser;
  let runbookFileId: string;

  beforeAll(async () => {
    slow = await startListeningApi({ ...settings, CHAT_MAX_CONCURRENT_STREAMS: '1' }, 40);
    worker = await startWorker(settings);
    member = await createSession(slow.app, 'member');
    outsider = await createSession(slow.app, 'member');
    const admin = await createSession(slow.app, 'admin', member.departmentId);
    const handbook = buildPdf([
      ['Benefits handbook', '', 'This handbook describes the benefits of employment at Example Corp.'],
      ['Parental leave', '', 'Employees receive sixteen weeks of paid parental leave.', 'Parental leave can start up to four weeks before the birth.'],
    ]);
    const secret = Buffer.from('# Project Nightingale\n\nProject Nightingale has a confidential budget of 4.2 million euros. The supplier chosen is Corvid Systems.\n');
    leaveFileId = await ingest(slow, admin, 'parental-leave.pdf', handbook, member.departmentId);
    secretFileId = await ingest(slow, admin, 'nightingale-budget.md', secret, outsider.departmentId);
    const below = async (name: string) =>
      (
        await request(slow.app.getHttpServer())
          .post('/api/v1/org/departments')
          .set(admin.auth)
          .send({ name: `${name} ${randomUUID()}`, parentId: member.departmentId })
          .expect(201)
      ).body.id;
    labMember = await createSession(slow.app, 'member', await below('Lab'));
    studioMember = await createSession(slow.app, 'member', await below('Studio'));
    const runbook = Buffer.from('# Lab runbook\n\nThe centrifuge in room 12 must be balanced with counterweights before every spin.\n');
    runbookFileId = await ingest(slow, admin, 'lab-runbook.md', runbook, labMember.departmentId);

    // An answer a crashed process left streaming; the next process to start must close it.
    const conversation = (await request(slow.app.getHttpServer()).post('/api/v1/conversations').set(member.auth).send({ title: 'Crashed' })).body.id;
    orphanId = randomUUID();
    await slow.app
      .get(EntityManager)
      .getConnection()
      .execute(`insert into messages (id, conversation_id, role, content, status, created_at, updated_at, selected_at) values (?, ?, 'assistant', 'half an ans', 'streaming', now(), now(), now())`, [
        orphanId,
        conversation,
      ]);
    fast = await startListeningApi({ ...settings, CHAT_MAX_CONCURRENT_STREAMS: '3' });
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await fast?.app.close();
    await slow?.app.close();
  });

  const chat = (api: { url: string }, user: TestUser, body: unknown) => SseReader.post(`${api.url}/chat`, user.auth, body);

  it('streams meta, status, tokens, citations and done, in that order, with no buffering', async () => {
    const stream = await chat(fast, member, { message: LEAVE_QUESTION });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('cache-control')).toBe('no-cache');
    expect(stream.headers.get('x-accel-buffering')).toBe('no');
    await stream.all();
    expect(stream.names().join(' ')).toMatch(/^meta( status)+( token)+ citations done$/);
    const [meta] = stream.events;
    expect(meta.data).toEqual({ conversationId: expect.any(String), userMessageId: expect.any(String), assistantMessageId: expect.any(String) });
    expect(stream.events.filter((e) => e.event === 'status').map((e) => e.data.step)).toEqual(['routing', 'planning', 'retrieving', 'evaluating', 'generating']);
    expect(stream.events.at(-1)!.data).toMatchObject({ assistantMessageId: meta.data.assistantMessageId, finishReason: 'stop', usage: { outputTokens: expect.any(Number) } });
  });

  it('answers with the fact from the document and cites its file and page', async () => {
    const stream = await chat(fast, member, { message: LEAVE_QUESTION });
    await stream.all();
    const answer = stream.text();
    expect(answer).toMatch(/sixteen weeks of paid parental leave/);
    const { citations } = (await stream.until('citations'))!.data;
    expect(citations[0]).toMatchObject({ n: 1, fileId: leaveFileId, filename: 'parental-leave.pdf', page: 2, snippet: expect.stringContaining('sixteen weeks') });
    for (const [, n] of answer.matchAll(/\[(\d+)\]/g)) expect(citations.map((c: { n: number }) => c.n)).toContain(Number(n));

    const { conversationId, assistantMessageId } = stream.events[0].data;
    const stored = await request(fast.app.getHttpServer()).get(`/api/v1/conversations/${conversationId}`).set(member.auth).expect(200);
    expect(stored.body).toMatchObject({ title: LEAVE_QUESTION, messageCount: 2 });
    expect(stored.body.messages).toEqual([
      expect.objectContaining({ role: 'user', content: LEAVE_QUESTION, status: 'complete' }),
      expect.objectContaining({ id: assistantMessageId, role: 'assistant', content: answer, status: 'complete', citations }),
    ]);
  });

  it('never gives a member a chunk of another department’s file, whatever they ask', async () => {
    for (const message of SECRET_QUESTIONS) {
      const stream = await chat(fast, member, { message });
      await stream.all();
      expect(stream.names().at(-1)).toBe('done');
      const citations = (await stream.until('citations'))!.data.citations as Array<{ fileId: string; snippet: string }>;
      expect(citations.map((c) => c.fileId)).not.toContain(secretFileId);
      // phrases only the document holds (the questions themselves may name the project)
      expect(JSON.stringify(stream.events)).not.toMatch(/budget of 4\.2|chosen is Corvid/);
    }
    // the same questions do reach the file for its own department, so the test can fail
    const own = await chat(fast, outsider, { message: SECRET_QUESTIONS[0] });
    await own.all();
    expect(own.text()).toMatch(/4\.2 million euros/);
  }, 60_000);

  it('gives a member of a child department cited answers from the parent’s documents, and its own documents to nobody above or beside it', async () => {
    const fromParent = await chat(fast, labMember, { message: LEAVE_QUESTION });
    await fromParent.all();
    expect(fromParent.text()).toMatch(/sixteen weeks of paid parental leave/);
    expect((await fromParent.until('citations'))!.data.citations.map((c: { fileId: string }) => c.fileId)).toContain(leaveFileId);

    const RUNBOOK_QUESTION = 'How must the centrifuge in room 12 be balanced?';
    const own = await chat(fast, labMember, { message: RUNBOOK_QUESTION });
    await own.all();
    expect((await own.until('citations'))!.data.citations.map((c: { fileId: string }) => c.fileId)).toContain(runbookFileId);
    for (const reader of [studioMember, member, outsider]) {
      const stream = await chat(fast, reader, { message: RUNBOOK_QUESTION });
      await stream.all();
      expect((await stream.until('citations'))!.data.citations.map((c: { fileId: string }) => c.fileId)).not.toContain(runbookFileId);
      expect(stream.text()).not.toMatch(/counterweights/);
    }
  }, 60_000);

  it('refuses an empty or 8,001-character message as JSON before any stream', async () => {
    for (const message of ['', '   ', 'x'.repeat(8001)]) {
      const refused = await chat(fast, member, { message });
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({ statusCode: 400, code: 'validation_failed', details: expect.arrayContaining([expect.objectContaining({ field: 'message' })]) });
    }
  });

  it('answers 404 as JSON for an unknown or someone else’s conversation', async () => {
    const foreign = (await request(fast.app.getHttpServer()).post('/api/v1/conversations').set(outsider.auth).send({ title: 'Theirs' })).body.id;
    for (const conversationId of [randomUUID(), foreign]) {
      const refused = await chat(fast, member, { conversationId, message: 'hello?' });
      expect(refused.status).toBe(404);
      expect(refused.json).toMatchObject({ code: 'conversation_not_found' });
    }
  });

  it('keeps the user message and an interrupted answer when the client disconnects after the first token', async () => {
    const stream = await chat(slow, member, { message: LEAVE_QUESTION });
    await stream.until('token');
    stream.abort();
    const { conversationId, assistantMessageId } = stream.events[0].data;
    const messages = await waitFor(
      'the stopped answer stored',
      async () => {
        const body = (await request(slow.app.getHttpServer()).get(`/api/v1/conversations/${conversationId}`).set(member.auth).expect(200)).body;
        return body.messages[1]?.status === 'streaming' ? null : body.messages;
      },
      { intervalMs: 100 },
    );
    expect(messages[0]).toMatchObject({ role: 'user', content: LEAVE_QUESTION, status: 'complete' });
    expect(messages[1]).toMatchObject({ id: assistantMessageId, role: 'assistant', status: expect.stringMatching(/^(interrupted|complete)$/) });
    expect(messages[1].content.length).toBeGreaterThan(0);
  });

  it('stops a stream held by one API process when another process receives the stop', async () => {
    const stream = await chat(slow, member, { message: LEAVE_QUESTION });
    await stream.until('token');
    const { assistantMessageId, conversationId } = stream.events[0].data;
    await request(fast.app.getHttpServer()).post(`/api/v1/chat/${assistantMessageId}/stop`).set(outsider.auth).expect(404);
    await request(fast.app.getHttpServer()).post(`/api/v1/chat/${assistantMessageId}/stop`).set(member.auth).expect(202);
    await stream.all(10_000);
    expect(stream.names().slice(-2)).toEqual(['citations', 'done']);
    expect(stream.events.at(-1)!.data).toMatchObject({ assistantMessageId, finishReason: 'stopped' });
    const full = 'Employees receive sixteen weeks of paid parental leave';
    expect(stream.text().length).toBeLessThan(full.length);
    const body = (await request(fast.app.getHttpServer()).get(`/api/v1/conversations/${conversationId}`).set(member.auth).expect(200)).body;
    expect(body.messages[1]).toMatchObject({ status: 'interrupted', content: stream.text() });
    await request(fast.app.getHttpServer()).post(`/api/v1/chat/${assistantMessageId}/stop`).set(member.auth).expect(409);
  });

  it('caps concurrent streams per user across the cap with 429 and Retry-After', async () => {
    const user = await createSession(slow.app, 'member', member.departmentId);
    const first = await chat(slow, user, { message: LEAVE_QUESTION });
    const second = await chat(slow, user, { message: LEAVE_QUESTION });
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(second.json).toMatchObject({ code: 'too_many_streams' });
    first.abort();
  });

  it('limits chat per user, not per address: past the per-IP limit it answers, past the user’s chat rate it is 429', async () => {
    const before = process.env.CHAT_RATE_LIMIT_PER_MINUTE;
    const limited = await startListeningApi({ ...settings, RATE_LIMIT_PER_MINUTE: '2', CHAT_RATE_LIMIT_PER_MINUTE: '3' });
    if (before === undefined) delete process.env.CHAT_RATE_LIMIT_PER_MINUTE;
    else process.env.CHAT_RATE_LIMIT_PER_MINUTE = before;
    try {
      const user = await createSession(limited.app, 'member', member.departmentId);
      for (let i = 0; i < 3; i++) {
        const answered = await chat(limited, user, { message: LEAVE_QUESTION });
        expect(answered.status).toBe(200);
        await answered.all();
      }
      const refused = await chat(limited, user, { message: LEAVE_QUESTION });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused.json).toMatchObject({ code: 'rate_limited' });
    } finally {
      await limited.app.close();
    }
  });

  it('on shutdown reports not ready, refuses new questions with 503, ends a running answer as interrupted with an error event, and exits', async () => {
    const closing = await startListeningApi({ ...settings, CHAT_SHUTDOWN_GRACE_MS: '300' }, 200);
    const stream = await chat(closing, member, { message: LEAVE_QUESTION });
    await stream.until('token');
    const { conversationId } = stream.events[0].data;
    const closed = closing.app.close();
    const readiness = await fetch(`${closing.url}/health/ready`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toMatchObject({ code: 'not_ready', details: [{ field: 'process', problem: 'shutting down' }] });
    const refused = await chat(closing, member, { message: LEAVE_QUESTION });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.json).toMatchObject({ code: 'server_shutting_down' });
    await closed;
    await stream.all(5_000);
    expect(stream.events.at(-1)).toMatchObject({ event: 'error', data: { code: 'server_shutting_down' } });
    const body = (await request(fast.app.getHttpServer()).get(`/api/v1/conversations/${conversationId}`).set(member.auth).expect(200)).body;
    expect(body.messages[1]).toMatchObject({ status: 'interrupted', content: stream.text() });
    expect(stream.text().length).toBeGreaterThan(0);
  });

  it('marks an answer a crashed process left streaming as interrupted at start-up', async () => {
    const [row] = await fast.app.get(EntityManager).getConnection().execute(`select status, content from messages where id = ?`, [orphanId]);
    expect(row).toEqual({ status: 'interrupted', content: 'half an ans' });
  });

  it('records feedback on the owner’s answer only', async () => {
    const stream = await chat(fast, member, { message: 'Hello!' });
    await stream.all();
    const { assistantMessageId, userMessageId } = stream.events[0].data;
    const given = await request(fast.app.getHttpServer()).post(`/api/v1/chat/${assistantMessageId}/feedback`).set(member.auth).send({ rating: 'up', comment: 'clear' }).expect(201);
    expect(given.body).toMatchObject({ assistantMessageId, rating: 'up', comment: 'clear' });
    await request(fast.app.getHttpServer()).post(`/api/v1/chat/${assistantMessageId}/feedback`).set(member.auth).send({ rating: 'down' }).expect(201);
    await request(fast.app.getHttpServer()).post(`/api/v1/chat/${assistantMessageId}/feedback`).set(outsider.auth).send({ rating: 'down' }).expect(404);
    await request(fast.app.getHttpServer()).post(`/api/v1/chat/${userMessageId}/feedback`).set(member.auth).send({ rating: 'down' }).expect(404);
    await request(fast.app.getHttpServer()).post(`/api/v1/chat/${assistantMessageId}/feedback`).set(member.auth).send({ rating: 'meh' }).expect(400);
  });
});
