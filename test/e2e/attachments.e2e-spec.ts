import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureHttpApp } from '@app/platform';
import { ChunkIndex } from '@app/retrieval';
import { buildDocx } from '../../libs/ingest/src/parsing/__fixtures__/docx.fixture';
import { SseReader } from './support/sse-client';
import { createSession, inOrmContext, useTestEnvironment, type TestUser } from './support/test-app';
import { startWorker } from './support/test-worker';

// A person's own document on a conversation (issue 21): ingested by the same worker as the
// corpus, answered from in that conversation, and read by nobody else, anywhere else.
jest.setTimeout(120_000);

const MAX_FILES = 4;
const MAX_BYTES = 60_000;
const settings = {
  CHROMA_COLLECTION: `attachments_${randomUUID().slice(0, 8)}`,
  STORAGE_DIR: path.join(process.env.TEST_DATA_DIR ?? '/tmp', `attachment-blobs-${randomUUID().slice(0, 8)}`),
  ATTACHMENT_MAX_FILES_PER_USER: String(MAX_FILES),
  ATTACHMENT_MAX_BYTES_PER_USER: String(MAX_BYTES),
};

// Sentences only the attachment holds; the questions ask for them word for word.
const HERON = 'The Heron protocol requires three violet lanterns at the north gate.';
const QUAY = 'Shipments for the Heron protocol leave from quay nineteen every Tuesday.';
const QUESTIONS = [HERON, QUAY, 'What does the Heron protocol require at the north gate?', 'violet lanterns quay nineteen'];

describe('conversation attachments', () => {
  let app: INestApplication;
  let worker: INestApplicationContext;
  let url: string;
  let member: TestUser;
  let colleague: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    useTestEnvironment(settings);
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot()] }).compile();
    app = configureHttpApp(moduleRef.createNestApplication({ bufferLogs: true }));
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/api/v1`;
    worker = await startWorker(settings);
    member = await createSession(app, 'member');
    // Same department: what keeps the attachment from them is the conversation, not the department.
    colleague = await createSession(app, 'member', member.departmentId);
    admin = await createSession(app, 'admin', member.departmentId);
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  const http = () => request(app.getHttpServer());
  const conversation = async (user: TestUser) => (await http().post('/api/v1/conversations').set(user.auth).send({ title: 'Attachments' }).expect(201)).body.id as string;
  const attach = (user: TestUser, conversationId: string, name: string, bytes: Buffer) => http().post(`/api/v1/conversations/${conversationId}/attachments`).set(user.auth).attach('file', bytes, name);
  const chat = (user: TestUser, body: object) => SseReader.post(`${url}/chat`, user.auth, body);
  async function readyAttachment(user: TestUser, conversationId: string, fileId: string) {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
      const { attachments } = (await http().get(`/api/v1/conversations/${conversationId}`).set(user.auth).expect(200)).body;
      const file = attachments.find((candidate: { id: string }) => candidate.id === fileId);
      if (file?.status === 'ready') return file;
      if (file?.status === 'failed') throw new Error(`the attachment failed: ${JSON.stringify(file.error)}`);
    }
    throw new Error('the attachment never became ready');
  }
  async function answer(user: TestUser, body: object) {
    const stream = await chat(user, body);
    await stream.all();
    expect(stream.names().at(-1)).toBe('done');
    const citations = (await stream.until('citations'))!.data.citations as Array<{ fileId: string; filename: string; snippet: string }>;
    return { text: stream.text(), citations, events: stream.events };
  }

  describe('a DOCX attached to a conversation', () => {
    let conversationId: string;
    let fileId: string;

    beforeAll(async () => {
      conversationId = await conversation(member);
      const docx = await buildDocx([{ style: 'Heading1', text: 'Heron protocol' }, { text: HERON }, { text: QUAY }]);
      const attached = await attach(member, conversationId, 'heron-protocol.docx', docx).expect(202);
      expect(attached.body).toMatchObject({ filename: 'heron-protocol.docx', visibility: 'conversation', conversationId, status: 'queued' });
      fileId = attached.body.id;
      expect(await readyAttachment(member, conversationId, fileId)).toMatchObject({ mimeType: expect.stringContaining('wordprocessingml'), chunkCount: expect.any(Number) });
    });

    it('answers its owner in that conversation from it, citing it by name, and records it on the question', async () => {
      const { text, citations, events } = await answer(member, { conversationId, message: 'What does the Heron protocol require at the north gate?', attachmentIds: [fileId] });
      expect(text).toMatch(/three violet lanterns/);
      expect(citations[0]).toMatchObject({ fileId, filename: 'heron-protocol.docx', snippet: expect.stringContaining('violet lanterns') });
      const stored = (await http().get(`/api/v1/conversations/${conversationId}`).set(member.auth).expect(200)).body;
      expect(stored.messages.find((m: { id: string }) => m.id === events[0].data.userMessageId)).toMatchObject({ role: 'user', attachmentIds: [fileId] });
      expect(stored.attachments).toEqual([expect.objectContaining({ id: fileId, status: 'ready', visibility: 'conversation' })]);
    });

    it('is never retrieved by another member, the admin, or its owner in another conversation, whatever they ask', async () => {
      const elsewhere = await conversation(member);
      const askers: Array<[string, TestUser, string | undefined]> = [
        ['a colleague of the same department', colleague, undefined],
        ['the admin', admin, undefined],
        ['its owner in another conversation', member, elsewhere],
        ['its owner outside any conversation', member, undefined],
      ];
      for (const [who, user, inConversation] of askers) {
        for (const message of QUESTIONS) {
          const { text, citations } = await answer(user, { ...(inConversation ? { conversationId: inConversation } : {}), message });
          expect({ who, message, cited: citations.map((c) => c.fileId) }).not.toEqual(expect.objectContaining({ cited: expect.arrayContaining([fileId]) }));
          expect({ who, message, text }).not.toEqual(expect.objectContaining({ text: expect.stringMatching(/violet lanterns|quay nineteen/) }));
        }
      }
    });

    it('is no file of the registry: not listed, not readable by id, not deletable, for the admin or anyone', async () => {
      for (const user of [admin, colleague, member]) {
        const listed = (await http().get('/api/v1/files?limit=100').set(user.auth).expect(200)).body.items.map((f: { id: string }) => f.id);
        expect(listed).not.toContain(fileId);
        await http().get(`/api/v1/files/${fileId}`).set(user.auth).expect(404);
      }
      await http().delete(`/api/v1/files/${fileId}`).set(admin.auth).expect(404);
    });

    it('refuses attachment ids that are not this conversation’s, and attaching to someone else’s conversation', async () => {
      const colleagues = await conversation(colleague);
      const elsewhere = await conversation(member);
      for (const [user, body] of [
        [colleague, { conversationId: colleagues, message: 'What is in it?', attachmentIds: [fileId] }],
        [member, { conversationId: elsewhere, message: 'What is in it?', attachmentIds: [fileId] }],
        [member, { message: 'What is in it?', attachmentIds: [fileId] }],
        [member, { conversationId, message: 'What is in it?', attachmentIds: [randomUUID()] }],
      ] as const) {
        const refused = await chat(user, body);
        expect(refused.status).toBe(404);
        expect(refused.json).toMatchObject({ statusCode: 404, code: 'attachment_not_found', requestId: expect.any(String) });
      }
      const malformed = await chat(member, { conversationId, message: 'What is in it?', attachmentIds: ['not-a-uuid'] });
      expect(malformed.status).toBe(400);
      expect(malformed.json).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ field: expect.stringContaining('attachmentIds') })] });
      const foreign = await attach(colleague, conversationId, 'mine.txt', Buffer.from('my notes')).expect(404);
      expect(foreign.body).toMatchObject({ code: 'conversation_not_found' });
      // An attachment's placement is its conversation's: the upload cannot choose another.
      const placed = await http()
        .post(`/api/v1/conversations/${conversationId}/attachments`)
        .set(member.auth)
        .field('visibility', 'organization')
        .attach('file', Buffer.from('notes'), 'placed.txt')
        .expect(400);
      expect(placed.body).toMatchObject({ code: 'validation_failed', details: [{ field: 'visibility', problem: 'is not a field this endpoint accepts' }] });
    });

    it('answers another’s post to its conversation as to one that does not exist, with its id or a made-up one', async () => {
      const refusals = [];
      for (const attachmentIds of [[fileId], [randomUUID()]]) {
        const refused = await chat(colleague, { conversationId, message: 'What is in it?', attachmentIds });
        refusals.push({ status: refused.status, code: (refused.json as { code?: string } | null)?.code });
      }
      expect(refusals).toEqual([
        { status: 404, code: 'conversation_not_found' },
        { status: 404, code: 'conversation_not_found' },
      ]);
    });

    it('goes with its conversation: bytes, chunk rows and vectors', async () => {
      const before = await inOrmContext(app, () => app.get(ChunkIndex).countFileChunks(fileId));
      expect(before.rows).toBeGreaterThan(0);
      expect(before.vectors).toBe(before.rows);
      await http().delete(`/api/v1/conversations/${conversationId}`).set(member.auth).expect(204);
      const em = app.get(EntityManager);
      let left = before;
      let row: unknown[] = [];
      for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
        left = await inOrmContext(app, () => app.get(ChunkIndex).countFileChunks(fileId));
        row = await em.fork().getConnection().execute('select id from files where id = ?', [fileId]);
        if (left.rows === 0 && left.vectors === 0 && row.length === 0) break;
      }
      expect({ ...left, fileRows: row.length }).toEqual({ rows: 0, vectors: 0, fileRows: 0 });
    });
  });

  describe('each person’s allowance', () => {
    it('refuses an attachment past the byte allowance with 413 and past the count with 429, storing nothing', async () => {
      const owner = await createSession(app, 'member');
      const conversationId = await conversation(owner);
      const tooBig = await attach(owner, conversationId, 'big.txt', Buffer.from('word '.repeat(MAX_BYTES / 5 + 10))).expect(413);
      expect(tooBig.body).toMatchObject({ statusCode: 413, code: 'attachment_quota_exceeded', requestId: expect.any(String) });
      for (let i = 0; i < MAX_FILES; i++) await attach(owner, conversationId, `note-${i}.txt`, Buffer.from(`note number ${i}`)).expect(202);
      const tooMany = await attach(owner, conversationId, 'one-more.txt', Buffer.from('one more')).expect(429);
      expect(tooMany.body).toMatchObject({ statusCode: 429, code: 'too_many_attachments' });
      const { attachments } = (await http().get(`/api/v1/conversations/${conversationId}`).set(owner.auth).expect(200)).body;
      expect(attachments.map((file: { filename: string }) => file.filename)).toEqual([0, 1, 2, 3].map((i) => `note-${i}.txt`));
    });

    it('lets uploads sent at once past the count only as far as the allowance goes', async () => {
      const owner = await createSession(app, 'member');
      const conversationId = await conversation(owner);
      for (let i = 0; i < MAX_FILES - 1; i++) await attach(owner, conversationId, `note-${i}.txt`, Buffer.from(`note number ${i}`)).expect(202);
      const blobs = () => readdirSync(settings.STORAGE_DIR, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
      const blobsBefore = blobs();
      // All of them pass the check before their bytes are stored; only one slot is left.
      const racing = await Promise.all([0, 1, 2, 3, 4].map((i) => attach(owner, conversationId, `racing-${i}.txt`, Buffer.from(`racing note ${i}`))));
      expect(racing.map((response) => response.status).sort()).toEqual([202, 429, 429, 429, 429]);
      for (const refused of racing.filter((response) => response.status === 429)) expect(refused.body).toMatchObject({ code: 'too_many_attachments' });
      const { attachments } = (await http().get(`/api/v1/conversations/${conversationId}`).set(owner.auth).expect(200)).body;
      expect(attachments).toHaveLength(MAX_FILES);
      // A refused upload's bytes go with it.
      expect(blobs()).toBe(blobsBefore + 1);
    });

    it('refuses a type the corpus refuses, with the same 415', async () => {
      const owner = await createSession(app, 'member');
      const refused = await attach(owner, await conversation(owner), 'program.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1])).expect(415);
      expect(refused.body).toMatchObject({ code: 'unsupported_media_type' });
    });
  });
});
