import type { INestApplication } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createSession, startApi, type TestUser } from './support/test-app';
import { multipartBody, sendAndAbort, sendRaw, type FormPart } from './support/raw-http';
import { eventually } from './support/eventually';

// Hostile and careless multipart uploads: whatever the body does, the answer is a 4xx in the
// error shape, nothing is recorded or queued, no byte stays in storage, and the process lives on.
const storageDir = path.join(process.env.TEST_DATA_DIR ?? '/tmp', `uploads-${randomUUID().slice(0, 8)}`);
const boundary = 'e2e-boundary-7f3a';
const multipart = { 'content-type': `multipart/form-data; boundary=${boundary}` };

describe('multipart uploads', () => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let baseUrl: string;
  let admin: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    mkdirSync(storageDir, { recursive: true });
    app = await startApi({ STORAGE_DIR: storageDir, UPLOAD_MAX_BYTES: String(2 * 1024 * 1024) });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    http = request(app.getHttpServer());
    admin = await createSession(app, 'admin');
    other = await createSession(app, 'admin');
  });
  afterAll(() => app?.close());

  const headers = () => ({ ...multipart, authorization: admin.auth.Authorization });
  const post = (parts: FormPart[], options?: { closed?: boolean }) => sendRaw(baseUrl, '/api/v1/files', headers(), multipartBody(parts, boundary, options));
  const blobs = () =>
    readdirSync(storageDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  const recorded = async () => {
    const rows = await app.get(EntityManager).getConnection().execute<Array<{ n: number }>>('select count(*)::int as n from files where uploaded_by = ?', [admin.id]);
    return rows[0].n;
  };
  const textFile = (body = `Notes ${randomUUID()}\n`): FormPart => ({ name: 'file', filename: 'notes.txt', contentType: 'text/plain', body });

  /** Every refusal must leave the registry and storage as they were, and the API answering. */
  async function expectNothingKept(before: { blobs: string[]; rows: number }) {
    await eventually(async () => expect(blobs().sort()).toEqual(before.blobs.sort()), { timeoutMs: 5_000 });
    expect(await recorded()).toBe(before.rows);
    await http.get('/api/v1/health/live').expect(200);
  }
  const snapshot = async () => ({ blobs: blobs(), rows: await recorded() });

  it('accepts a well-formed upload (the baseline the refusals below differ from)', async () => {
    const before = await snapshot();
    const response = await post([{ name: 'visibility', body: 'organization' }, textFile()]);
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ filename: 'notes.txt', visibility: 'organization', departmentId: admin.departmentId });
    expect(blobs()).toHaveLength(before.blobs.length + 1);
    expect(await recorded()).toBe(before.rows + 1);
  });

  describe('a body cut short', () => {
    const file = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nabc`);
    it.each([
      ['inside the file, with no closing boundary (issue 18)', file],
      ['inside the part headers', Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filena`)],
      ['inside a field before the file', Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="visibility"\r\n\r\norgan`)],
      ['after the file, before the closing boundary', Buffer.concat([file, Buffer.from(`\r\n--${boundary}\r\n`)])],
      ['inside a large file, past what is written in one call', Buffer.concat([file, Buffer.alloc(600 * 1024, 'a')])],
    ])('%s is a 400 malformed_upload and keeps nothing', async (_case, body) => {
      const before = await snapshot();
      const response = await sendRaw(baseUrl, '/api/v1/files', headers(), body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'malformed_upload', requestId: expect.any(String), details: [{ field: 'body', problem: expect.any(String) }] });
      expect(response.headers['x-request-id']).toBe(response.body.requestId);
      await expectNothingKept(before);
    });
  });

  describe('a client that goes away mid-upload', () => {
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n`);
    it.each([
      ['in a small file', Buffer.concat([head, Buffer.from('some text')]), 1024],
      ['in a large file, past what is written in one call', Buffer.concat([head, Buffer.alloc(700 * 1024, 'b')]), 1024 * 1024],
      ['in the part headers', head.subarray(0, 40), 1024],
    ])('%s leaves nothing behind', async (_case, sent, declared) => {
      const before = await snapshot();
      await sendAndAbort(baseUrl, '/api/v1/files', headers(), sent, declared);
      await expectNothingKept(before);
      // and the next upload goes through
      expect((await post([textFile()])).status).toBe(202);
    });
  });

  describe('fields that are not where the contract puts them', () => {
    it('refuses a department and visibility sent after the file, instead of filing it in the uploader’s department (issue 18)', async () => {
      const before = await snapshot();
      const response = await post([textFile(), { name: 'departmentId', body: other.departmentId }, { name: 'visibility', body: 'organization' }]);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', details: [{ field: 'departmentId', problem: 'must come before the file part' }] });
      await expectNothingKept(before);
    });

    it.each<[string, FormPart[], { field: string; problem: string }]>([
      ['a second file', [textFile(), { ...textFile(), filename: 'second.txt' }], { field: 'file', problem: 'must be the only file part' }],
      ['an unknown field after the file', [textFile(), { name: 'note', body: 'hi' }], { field: 'note', problem: 'must come before the file part' }],
      ['an unknown field before the file', [{ name: 'note', body: 'hi' }, textFile()], { field: 'note', problem: 'is not a field this endpoint accepts' }],
      ['a field given twice', [{ name: 'visibility', body: 'department' }, { name: 'visibility', body: 'organization' }, textFile()], { field: 'visibility', problem: 'must be given once' }],
      ['a file under another name', [{ ...textFile(), name: 'document' }], { field: 'document', problem: expect.stringContaining('send the document as "file"') as unknown as string }],
      ['a file part without a name', [{ ...textFile(), name: '' }], { field: '(unnamed part)', problem: expect.stringContaining('send the document as "file"') as unknown as string }],
      ['a field without a name', [{ name: '', body: 'x' }, textFile()], { field: '(unnamed part)', problem: 'is not a field this endpoint accepts' }],
      ['a department that is not a UUID', [{ name: 'departmentId', body: 'people' }, textFile()], { field: 'departmentId', problem: 'must be a UUID' }],
      ['an over-long visibility', [{ name: 'visibility', body: 'organization'.padEnd(5000, 'x') }, textFile()], { field: 'visibility', problem: expect.any(String) as unknown as string }],
    ])('refuses %s, naming it, and keeps nothing', async (_case, parts, detail) => {
      const before = await snapshot();
      const response = await post(parts);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', details: [detail] });
      await expectNothingKept(before);
    });

    it('refuses a body that is not multipart, or multipart without a boundary', async () => {
      const before = await snapshot();
      const json = await sendRaw(baseUrl, '/api/v1/files', { 'content-type': 'application/json', authorization: admin.auth.Authorization }, Buffer.from('{}'));
      expect(json.status).toBe(400);
      expect(json.body).toMatchObject({ code: 'malformed_upload' });
      const noBoundary = await sendRaw(baseUrl, '/api/v1/files', { 'content-type': 'multipart/form-data', authorization: admin.auth.Authorization }, Buffer.from('x'));
      expect(noBoundary.status).toBe(400);
      expect(noBoundary.body).toMatchObject({ code: 'malformed_upload' });
      await expectNothingKept(before);
    });
  });

  describe('file names', () => {
    const name = 'résumé 日本語 🙂.md';

    it.each([
      ['as raw UTF-8 in filename="…" (what browsers send)', { filename: name }],
      ["as filename*=UTF-8''… (RFC 5987)", { filenameStar: name }],
      ['as filename*, preferred to a filename="…" fallback', { filename: 'resume.md', filenameStar: name }],
    ])('keeps a non-ASCII name intact %s', async (_case, naming) => {
      const response = await post([{ name: 'file', contentType: 'text/markdown', body: `# CV ${randomUUID()}\n`, ...naming }]);
      expect(response.status).toBe(202);
      expect(response.body.filename).toBe(name);
      const read = await http.get(`/api/v1/files/${response.body.id}`).set(admin.auth).expect(200);
      expect(read.body.filename).toBe(name);
      const content = await http.get(`/api/v1/files/${response.body.id}/content`).set(admin.auth).expect(200);
      const disposition = content.headers['content-disposition'] as string;
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe(name);
    });

    it('puts a name with quotes and parentheses in Content-Disposition as RFC 5987 allows', async () => {
      const odd = `it's (final) *draft* "v2".txt`;
      const response = await post([{ name: 'file', contentType: 'text/plain', body: `Draft ${randomUUID()}\n`, filenameStar: odd }]);
      expect(response.status).toBe(202);
      const content = await http.get(`/api/v1/files/${response.body.id}/content`).set(admin.auth).expect(200);
      const extended = (content.headers['content-disposition'] as string).split("filename*=UTF-8''")[1];
      expect(extended).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
      expect(decodeURIComponent(extended)).toBe(response.body.filename);
    });
  });
});
