import { PassThrough, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { InMemoryAccessDirectory } from '@app/testing/access';
import { RecordingAuditLog } from '@app/testing/audit';
import { RecordingIngestQueue } from '@app/testing/ingest';
import type { IngestQueue } from '@app/ingest';
import { AdminOnly, OutsideManagedDepartments, type Actor } from '@app/platform';
import { InlineTransactions } from '@app/testing/platform';
import { StoredFile } from '../../domain/stored-file';
import { BlobStorage, FileRepository } from '../../files.ports';
import { UploadFile } from './upload-file.command';
import { UploadFileHandler } from './upload-file.handler';
import { UploadIntake } from './upload-intake';

class InMemoryFiles extends FileRepository {
  readonly rows = new Map<string, StoredFile>();
  constructor(private readonly departments: string[]) {
    super();
  }
  async findById(id: string) {
    return this.rows.get(id) ?? null;
  }
  async findTracked(id: string) {
    return this.findById(id);
  }
  async findIncludingDeleted(id: string) {
    return this.rows.get(id) ?? null;
  }
  async findLiveBySha256(departmentId: string, sha256: string) {
    return [...this.rows.values()].find((f) => f.departmentId === departmentId && f.sha256 === sha256 && !f.deletedAt) ?? null;
  }
  async listVisible() {
    return [...this.rows.values()];
  }
  async listIdsByStatus() {
    return [];
  }
  async listDeletedIds() {
    return [];
  }
  async departmentExists(id: string) {
    return this.departments.includes(id);
  }
  async add(file: StoredFile) {
    if (await this.findLiveBySha256(file.departmentId, file.sha256)) return false;
    this.rows.set(file.id, file);
    return true;
  }
  async saveIfUnsettled(file: StoredFile) {
    await this.save(file);
    return true;
  }
  async saveIfProcessing(file: StoredFile) {
    await this.save(file);
    return true;
  }
  async save(file: StoredFile) {
    this.rows.set(file.id, file);
  }
  async remove(id: string) {
    this.rows.delete(id);
  }
  async attachmentsOf(conversationId: string) {
    return [...this.rows.values()].filter((f) => f.conversationId === conversationId && !f.deletedAt);
  }
  async attachmentUsageOf(userId: string) {
    const mine = [...this.rows.values()].filter((f) => f.isAttachment() && f.uploadedBy === userId && !f.deletedAt);
    return { count: mine.length, bytes: mine.reduce((sum, f) => sum + f.sizeBytes, 0) };
  }
  lockedAttachmentUsageOf(userId: string) {
    return this.attachmentUsageOf(userId);
  }
}

class InMemoryBlobs extends BlobStorage {
  readonly blobs = new Map<string, Buffer>();
  async write(key: string, content: Readable) {
    this.blobs.set(key, await buffer(content));
  }
  async read(key: string) {
    return this.blobs.get(key)!;
  }
  async openStream(key: string) {
    return Readable.from([this.blobs.get(key)!]);
  }
  async delete(key: string) {
    this.blobs.delete(key);
  }
}

const handlerOf = (files: FileRepository, blobs: BlobStorage, queue: IngestQueue, maxBytes: number, audit = new RecordingAuditLog()) =>
  new UploadFileHandler(files, new UploadIntake(files, blobs, queue, new InlineTransactions(), audit), { maxBytes }, new InMemoryAccessDirectory(TREE));
// The actor's department, with one below it and one beside it.
const TREE = [
  { id: 'd0000000-0000-4000-8000-000000000001', parentId: null },
  { id: 'd0000000-0000-4000-8000-000000000002', parentId: 'd0000000-0000-4000-8000-000000000001' },
  { id: 'd0000000-0000-4000-8000-000000000003', parentId: null },
];
const actor: Actor = { userId: 'a0000000-0000-4000-8000-000000000001', role: 'admin', departmentId: 'd0000000-0000-4000-8000-000000000001' };
const streamOf = (...parts: Array<string | Buffer>) => Readable.from(parts.map((part) => Buffer.from(part)));

function setUp(maxBytes = 1024) {
  const files = new InMemoryFiles([actor.departmentId]);
  const blobs = new InMemoryBlobs();
  const queue = new RecordingIngestQueue();
  const audit = new RecordingAuditLog();
  const handler = handlerOf(files, blobs, queue, maxBytes, audit);
  const upload = (filename: string, content: Readable) => handler.execute(new UploadFile(actor, { filename, content }));
  return { files, blobs, queue, upload, audit };
}

describe('UploadFileHandler', () => {
  it('stores the bytes under a generated key, records the file queued and adds its job', async () => {
    const { files, blobs, queue, upload } = setUp();
    const { file, duplicate } = await upload('../secret/Notes.md', streamOf('# Notes\n\n', 'Some text.\n'));
    expect(duplicate).toBe(false);
    expect(file).toMatchObject({ filename: 'Notes.md', mimeType: 'text/markdown', status: 'queued', sizeBytes: 20, departmentId: actor.departmentId });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(file.storageKey).not.toContain('Notes');
    expect(blobs.blobs.get(file.storageKey)?.toString()).toBe('# Notes\n\nSome text.\n');
    expect(queue.files).toEqual([file.id]);
    expect(files.rows.size).toBe(1);
  });

  it('answers identical bytes in the same department with the existing file and keeps one copy', async () => {
    const { blobs, queue, upload } = setUp();
    const first = await upload('a.txt', streamOf('same bytes'));
    const second = await upload('b.txt', streamOf('same ', 'bytes'));
    expect(second).toEqual({ file: first.file, duplicate: true });
    expect(blobs.blobs.size).toBe(1);
    expect(queue.files).toHaveLength(1);
  });

  it.each([
    ['a file over the limit', 'big.txt', () => streamOf('x'.repeat(600), 'y'.repeat(600)), 'file_too_large'],
    ['an empty file', 'empty.txt', () => streamOf(), 'empty_file'],
    ['a binary file named .txt', 'notes.txt', () => streamOf(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1])), 'unsupported_media_type'],
    ['text that turns binary after the first bytes', 'log.txt', () => streamOf('plain start\n', Buffer.from([0, 1, 2, 0])), 'unsupported_media_type'],
  ])('refuses %s and leaves nothing stored', async (_case, name, content, code) => {
    const { files, blobs, queue, upload } = setUp();
    await expect(upload(name, content())).rejects.toMatchObject({ code });
    expect(blobs.blobs.size).toBe(0);
    expect(files.rows.size).toBe(0);
    expect(queue.files).toEqual([]);
  });

  it('stores nothing when the content fails before the handler starts reading it', async () => {
    const { files, blobs, queue, upload } = setUp();
    const content = new PassThrough();
    content.on('error', () => undefined); // as the multipart reader does
    content.destroy(new Error('the body ended early'));
    await expect(upload('a.txt', content)).rejects.toThrow('the body ended early');
    expect(blobs.blobs.size).toBe(0);
    expect(files.rows.size).toBe(0);
    expect(queue.files).toEqual([]);
  });

  it('stores nothing when the content fails after all its bytes arrived (the rest of the body was wrong)', async () => {
    const { files, blobs, queue, upload } = setUp();
    const content = new PassThrough();
    content.write('every byte of the file\n');
    setImmediate(() => content.destroy(new Error('a field came after the file')));
    await expect(upload('a.txt', content)).rejects.toThrow('a field came after the file');
    expect(blobs.blobs.size).toBe(0);
    expect(files.rows.size).toBe(0);
    expect(queue.files).toEqual([]);
  });

  it('removes the stored bytes when the file cannot be recorded', async () => {
    const { files, blobs, queue, upload } = setUp();
    files.add = async () => {
      throw new Error('connection terminated');
    };
    await expect(upload('a.txt', streamOf('hello'))).rejects.toThrow('connection terminated');
    expect(blobs.blobs.size).toBe(0);
    expect(queue.files).toEqual([]);
  });

  it('keeps the file queued when the queue is down, for the reconciler to pick up', async () => {
    const { files, queue, upload } = setUp();
    queue.down = true;
    const { file } = await upload('a.txt', streamOf('hello'));
    expect(files.rows.get(file.id)?.status).toBe('queued');
  });

  it('refuses a department that does not exist', async () => {
    const { files, blobs } = setUp();
    const handler = handlerOf(files, blobs, new RecordingIngestQueue(), 1024);
    const upload = new UploadFile(actor, { filename: 'a.txt', content: streamOf('x'), departmentId: 'd0000000-0000-4000-8000-00000000dead' });
    await expect(handler.execute(upload)).rejects.toMatchObject({ code: 'department_not_found' });
  });

  it('records the upload with who, which file and which department', async () => {
    const { upload, audit, files } = setUp();
    const { file } = await upload('notes.txt', streamOf('some notes'));
    expect(audit.records).toEqual([
      {
        actorId: actor.userId,
        action: 'file.uploaded',
        target: { type: 'file', id: file.id },
        departmentIds: [file.departmentId],
        detail: { filename: 'notes.txt', visibility: 'department', sizeBytes: 10 },
      },
    ]);
    expect(files.rows.size).toBe(1);
  });

  it('lets a department admin upload into their subtree only, and a member nowhere, before storing a byte', async () => {
    const files = new InMemoryFiles(TREE.map((d) => d.id));
    const blobs = new InMemoryBlobs();
    const handler = handlerOf(files, blobs, new RecordingIngestQueue(), 1024);
    const lead: Actor = { ...actor, role: 'department_admin' };
    await handler.execute(new UploadFile(lead, { filename: 'a.txt', content: streamOf('below'), departmentId: TREE[1].id }));
    await expect(handler.execute(new UploadFile(lead, { filename: 'b.txt', content: streamOf('beside'), departmentId: TREE[2].id }))).rejects.toBeInstanceOf(OutsideManagedDepartments);
    await expect(handler.execute(new UploadFile({ ...actor, role: 'member' }, { filename: 'c.txt', content: streamOf('mine') }))).rejects.toBeInstanceOf(AdminOnly);
    expect(files.rows.size).toBe(1);
    expect(blobs.blobs.size).toBe(1);
  });
});
