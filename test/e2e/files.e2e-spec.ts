import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ChromaClient } from 'chromadb';
import { createParser } from 'eventsource-parser';
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import request from 'supertest';
import { freePort } from '../../scripts/lib/local-stack.mjs';
import { createSession, startApi, testPassword, type TestUser } from './support/test-app';
import { startWorker } from './support/test-worker';
import { docxBomb, documentsOfEachType } from './support/file-fixtures';
import { eventually } from './support/eventually';

const collectionName = `files_e2e_${randomUUID().slice(0, 8)}`;
const storageDir = path.join(process.env.TEST_DATA_DIR ?? '/tmp', `blobs-${randomUUID().slice(0, 8)}`);
const settings = {
  STORAGE_DIR: storageDir,
  UPLOAD_MAX_BYTES: String(1024 * 1024),
  CHROMA_COLLECTION: collectionName,
  EMBEDDING_DIMENSION: '256',
  INGEST_ATTEMPTS: '2',
  INGEST_RECONCILE_INTERVAL_MS: '2000',
};

describe('files and ingestion', () => {
  let app: INestApplication;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof request>;
  let baseUrl: string;
  let metricsPort: number;
  let admin: TestUser;
  let member: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    app = await startApi(settings);
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    metricsPort = await freePort();
    worker = await startWorker({ ...settings, WORKER_METRICS_PORT: String(metricsPort) });
    http = request(app.getHttpServer());
    admin = await createSession(app, 'admin');
    member = await createSession(app, 'member', admin.departmentId);
    outsider = await createSession(app, 'member');
  });
  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  const upload = (user: TestUser, name: string, bytes: Buffer, fields: Record<string, string> = {}) => {
    const call = http.post('/api/v1/files').set(user.auth);
    for (const [key, value] of Object.entries(fields)) call.field(key, value);
    return call.attach('file', bytes, name);
  };

  async function settled(fileId: string, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await http.get(`/api/v1/files/${fileId}`).set(admin.auth).expect(200);
      if (body.status === 'ready' || body.status === 'failed') return body;
      if (Date.now() > deadline) throw new Error(`file ${fileId} still ${body.status} (${body.stage ?? ''})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const chunkRows = (fileId: string) =>
    app
      .get(EntityManager)
      .getConnection()
      .execute<Array<{ id: string; chunk_index: number; page: number | null }>>('select id, chunk_index, page from chunks where file_id = ? order by chunk_index', [fileId]);

  async function vectorIds(fileId: string): Promise<string[]> {
    const url = new URL(process.env.CHROMA_URL!);
    const client = new ChromaClient({ host: url.hostname, port: Number(url.port) });
    const collection = await client.getCollection({ name: collectionName });
    return (await collection.get({ where: { fileId: { $eq: fileId } }, include: [] })).ids.sort();
  }

  it('ingests PDF, DOCX, Markdown, HTML and text until ready, with chunks in PostgreSQL and Chroma', async () => {
    const documents = await documentsOfEachType(randomUUID().slice(0, 8));
    const accepted = [];
    for (const document of documents) {
      const response = await upload(admin, document.name, document.bytes).expect(202);
      expect(response.body).toMatchObject({ status: 'queued', filename: document.name, mimeType: document.type, duplicate: false });
      accepted.push(response.body);
    }
    for (const file of accepted) {
      const done = await settled(file.id);
      expect(done).toMatchObject({ status: 'ready', progress: 1 });
      expect(done.chunkCount).toBeGreaterThan(0);
      const rows = await chunkRows(file.id);
      expect(rows).toHaveLength(done.chunkCount);
      expect(await vectorIds(file.id)).toEqual(rows.map((row) => row.id).sort());
    }
    const pdf = await settled(accepted[0].id);
    expect(pdf.pageCount).toBe(2);
    expect((await chunkRows(pdf.id)).map((row) => row.page)).toEqual([1, 2]);
    const html = await app.get(EntityManager).getConnection().execute<Array<{ text: string }>>('select text from chunks where file_id = ?', [accepted[3].id]);
    expect(html.map((row) => row.text).join(' ')).not.toContain('alert');
  });

  it('serves the worker’s ingestion timings by stage and by file outcome', async () => {
    const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const stage of ['parsing', 'chunking', 'embedding', 'indexing']) {
      expect(Number(text.match(new RegExp(`^ingest_stage_duration_seconds_count\\{stage="${stage}"\\} (\\d+)`, 'm'))?.[1])).toBeGreaterThanOrEqual(5);
    }
    expect(Number(text.match(/^ingest_file_duration_seconds_count\{outcome="ready"\} (\d+)/m)?.[1])).toBeGreaterThanOrEqual(5);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/other`)).status).toBe(404);
  });

  it('streams the current state first, then progress, and ends at ready', async () => {
    const { body: file } = await upload(admin, 'stream.md', Buffer.from(`# Streamed ${randomUUID()}\n\nText to index.\n`)).expect(202);
    const events = await readEvents(`${baseUrl}/api/v1/files/${file.id}/events`, admin.auth.Authorization);
    expect(events[0].event).toBe('status');
    expect(events.at(-1)).toMatchObject({ event: 'status', data: { status: 'ready', id: file.id } });
    const late = await readEvents(`${baseUrl}/api/v1/files/${file.id}/events`, admin.auth.Authorization);
    expect(late).toEqual([{ event: 'status', data: expect.objectContaining({ status: 'ready' }) }]);
  });

  it('serves the original bytes as an attachment', async () => {
    const bytes = Buffer.from(`Download me ${randomUUID()}\n`);
    const { body: file } = await upload(admin, '../../etc/passwd notes.txt', bytes).expect(202);
    expect(file.filename).toBe('passwd notes.txt');
    const response = await http.get(`/api/v1/files/${file.id}/content`).set(member.auth).buffer(true).expect(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="passwd notes.txt"/);
    expect(Buffer.from(response.text)).toEqual(bytes);
  });

  it('keeps a non-ASCII file name as the browser sent it (raw UTF-8 in the part header)', async () => {
    const name = `Reisekosten-Übersicht 日本 ${randomUUID().slice(0, 8)}.txt`;
    const { body: file } = await upload(admin, name, Buffer.from(`Travel costs ${randomUUID()}\n`)).expect(202);
    expect(file.filename).toBe(name);
    const response = await http.get(`/api/v1/files/${file.id}/content`).set(admin.auth).expect(200);
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
  });

  it('refuses a spoofed type, an oversized file and an empty file', async () => {
    const executable = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 0x90)]);
    expect((await upload(admin, 'report.pdf', executable).expect(415)).body.code).toBe('unsupported_media_type');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect((await upload(admin, 'notes.txt', png).expect(415)).body.code).toBe('unsupported_media_type');
    expect((await upload(admin, 'big.txt', Buffer.alloc(1024 * 1024 + 10, 'a')).expect(413)).body.code).toBe('file_too_large');
    expect((await upload(admin, 'empty.txt', Buffer.alloc(0)).expect(400)).body.code).toBe('empty_file');
    expect(readdirSync(storageDir, { recursive: true }).filter((name) => String(name).endsWith('.partial'))).toEqual([]);
  });

  it('refuses a multipart body without its file part, naming the field', async () => {
    const response = await http.post('/api/v1/files').set(admin.auth).field('visibility', 'organization').expect(400);
    expect(response.body).toMatchObject({ code: 'validation_failed', details: [{ field: 'file', problem: 'is required' }] });
  });

  it('answers a duplicate with the existing record', async () => {
    const bytes = Buffer.from(`Duplicate content ${randomUUID()}\n`);
    const first = await upload(admin, 'a.txt', bytes).expect(202);
    const second = await upload(admin, 'b.txt', bytes).expect(200);
    expect(second.body).toMatchObject({ id: first.body.id, duplicate: true });
  });

  it('lets only admins upload and hides other departments’ files', async () => {
    expect((await upload(member, 'm.txt', Buffer.from('member upload')).expect(403)).body.code).toBe('admin_only');
    const { body: file } = await upload(admin, 'private.txt', Buffer.from(`Department only ${randomUUID()}`)).expect(202);
    await http.get(`/api/v1/files/${file.id}`).set(member.auth).expect(200);
    for (const suffix of ['', '/content', '/events']) {
      expect((await http.get(`/api/v1/files/${file.id}${suffix}`).set(outsider.auth).expect(404)).body.code).toBe('file_not_found');
    }
    const { body: shared } = await upload(admin, 'shared.txt', Buffer.from(`Everyone ${randomUUID()}`), { visibility: 'organization' }).expect(202);
    await http.get(`/api/v1/files/${shared.id}`).set(outsider.auth).expect(200);
    const listed = (await http.get('/api/v1/files?limit=100').set(outsider.auth).expect(200)).body.items.map((item: { id: string }) => item.id);
    expect(listed).toContain(shared.id);
    expect(listed).not.toContain(file.id);
  });

  it('fails a DOCX decompression bomb cleanly and keeps ingesting', async () => {
    const { body: bomb } = await upload(admin, 'bomb.docx', await docxBomb()).expect(202);
    expect(await settled(bomb.id)).toMatchObject({ status: 'failed', error: { code: 'document_too_complex' } });
    const { body: next } = await upload(admin, 'after-bomb.txt', Buffer.from(`Still working ${randomUUID()}`)).expect(202);
    expect(await settled(next.id)).toMatchObject({ status: 'ready' });
  });

  it('reindexes into a new generation of the same chunks, leaving none of the old, and delete leaves no chunk, vector or bytes', async () => {
    const text = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} about expense claims and approvals in some detail.`).join('\n\n');
    const { body: file } = await upload(admin, 'long.txt', Buffer.from(`${text}\n${randomUUID()}`)).expect(202);
    const ready = await settled(file.id);
    const before = await chunkRows(file.id);
    expect(before.length).toBeGreaterThan(1);

    const reindex = await http.post(`/api/v1/files/${file.id}/reindex`).set(admin.auth).expect(202);
    expect(reindex.body).toMatchObject({ status: 'queued', searchable: true });
    const again = await settled(file.id);
    expect(again).toMatchObject({ status: 'ready', searchable: true, chunkCount: ready.chunkCount });
    const after = await chunkRows(file.id);
    expect(after.map(({ chunk_index, page }) => ({ chunk_index, page }))).toEqual(before.map(({ chunk_index, page }) => ({ chunk_index, page })));
    expect(after.map((row) => row.id).filter((id) => before.some((old) => old.id === id))).toEqual([]);
    expect(await vectorIds(file.id)).toEqual(after.map((row) => row.id).sort());

    const [{ storage_key: key }] = await app.get(EntityManager).getConnection().execute<Array<{ storage_key: string }>>('select storage_key from files where id = ?', [file.id]);
    const blob = path.join(storageDir, key.slice(0, 2), key);
    expect(existsSync(blob)).toBe(true);

    await http.delete(`/api/v1/files/${file.id}`).set(admin.auth).expect(202);
    await http.get(`/api/v1/files/${file.id}`).set(admin.auth).expect(404);
    await eventually(
      async () => {
        expect(await chunkRows(file.id)).toEqual([]);
        expect(await vectorIds(file.id)).toEqual([]);
        const [row] = await app.get(EntityManager).getConnection().execute('select count(*)::int as n from files where id = ?', [file.id]);
        expect(row.n).toBe(0);
      },
      { timeoutMs: 15_000, intervalMs: 200 },
    );
    expect(existsSync(blob)).toBe(false);
  });

  it('bulk-ingests a folder from the command line and sums up ready, duplicate and failed', async () => {
    const folder = path.join(storageDir, `..`, `bulk-${randomUUID().slice(0, 8)}`);
    mkdirSync(path.join(folder, 'nested'), { recursive: true });
    const tag = randomUUID();
    writeFileSync(path.join(folder, 'one.md'), `# One ${tag}\n\nFirst document.\n`);
    writeFileSync(path.join(folder, 'nested', 'two.txt'), `Second document ${tag}.\n`);
    writeFileSync(path.join(folder, 'copy-of-two.txt'), `Second document ${tag}.\n`);
    writeFileSync(path.join(folder, 'picture.png'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const departments = (await http.get('/api/v1/org/departments').set(admin.auth).expect(200)).body as Array<{ id: string; name: string }>;
    const department = departments.find((d) => d.id === admin.departmentId)!;

    const run = promisify(execFile)(process.execPath, ['scripts/ingest.mjs', folder, '--department', department.name, '--api', baseUrl], {
      env: { ...process.env, INGEST_EMAIL: admin.email, INGEST_PASSWORD: testPassword },
    });
    const { stdout } = await run.catch((error: { stdout: string; code: number }) => ({ stdout: error.stdout, code: error.code }));
    expect(stdout).toContain('ready 2 · duplicate 1 · failed 1 (of 4)');
    expect(stdout).toMatch(/failed .*picture\.png: unsupported_media_type/);
  });
});

async function readEvents(url: string, authorization: string, timeoutMs = 30_000) {
  const response = await fetch(url, { headers: { authorization }, signal: AbortSignal.timeout(timeoutMs) });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: Array<{ event?: string; data: unknown }> = [];
  const parser = createParser({ onEvent: (event) => events.push({ event: event.event, data: JSON.parse(event.data) }) });
  const decoder = new TextDecoder();
  for await (const chunk of response.body!) parser.feed(decoder.decode(chunk as Uint8Array, { stream: true }));
  return events;
}
