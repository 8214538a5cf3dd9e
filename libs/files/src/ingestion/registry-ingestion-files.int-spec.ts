import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { AppConfigModule, PlatformModule } from '@app/platform';
import { useTestEnvironment } from '../../../../test/e2e/support/test-app';
import type { FileView } from '../domain/file-view';
import { BlobStorage, FileEvents, FileRepository } from '../files.ports';
import { MikroOrmFileRepository } from '../persistence/mikro-orm-file.repository';
import { StoredFileSchema } from '../persistence/stored-file.schema';
import { RegistryIngestionFiles } from './registry-ingestion-files';

class RecordedEvents extends FileEvents {
  readonly views: FileView[] = [];
  publish(view: FileView) {
    this.views.push(view);
  }
  async subscribe() {
    return async () => undefined;
  }
}

/** The registry's side of a worker's run, against PostgreSQL: each job runs in a unit of work of its own. */
describe('RegistryIngestionFiles (PostgreSQL)', () => {
  let app: INestApplicationContext;
  let em: EntityManager;
  const departmentId = randomUUID();
  const events = new RecordedEvents();

  const inJob = <T>(work: (files: RegistryIngestionFiles) => Promise<T>) => RequestContext.create(app.get(MikroORM).em, () => work(app.get(RegistryIngestionFiles)));
  const row = async (id: string) => {
    const [found] = await em.fork().getConnection().execute<Array<{ status: string; chunk_count: number }>>('select status, chunk_count from files where id = ?', [id]);
    return found;
  };
  // What the API does to a file while a worker runs it: another process, so plain SQL.
  const elsewhere = (sql: string, id: string) => em.fork().getConnection().execute(sql, [id], 'run');

  async function queuedFile(): Promise<string> {
    const id = randomUUID();
    await em
      .fork()
      .getConnection()
      .execute(
        `insert into files (id, filename, mime_type, size_bytes, sha256, department_id, visibility, status, storage_key, uploaded_by, created_at, updated_at)
       values (?, 'notes.txt', 'text/plain', 1, ?, ?, 'department', 'queued', ?, ?, now(), now())`,
        [id, randomUUID(), departmentId, `k${randomUUID()}`, randomUUID()],
      );
    return id;
  }

  beforeAll(async () => {
    useTestEnvironment();
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(), PlatformModule, MikroOrmModule.forFeature([StoredFileSchema])],
      providers: [RegistryIngestionFiles, { provide: FileRepository, useClass: MikroOrmFileRepository }, { provide: BlobStorage, useValue: {} }, { provide: FileEvents, useValue: events }],
    }).compile();
    app = await moduleRef.init();
    em = app.get(EntityManager);
    await em
      .fork()
      .getConnection()
      .execute('insert into departments (id, name, created_at) values (?, ?, now())', [departmentId, `Registry ${departmentId}`]);
  });
  afterAll(() => app?.close());

  it('claims a queued file and records it ready with its chunk count', async () => {
    const id = await queuedFile();
    await inJob(async (files) => {
      expect(await files.claim(id)).toMatchObject({ id, type: 'text', departmentId });
      expect(await row(id)).toEqual({ status: 'processing', chunk_count: 0 });
      await files.markReady(id, { chunkCount: 3, pageCount: null, generation: 0 });
    });
    expect(await row(id)).toEqual({ status: 'ready', chunk_count: 3 });
    expect(events.views.filter((view) => view.id === id).map((view) => view.status)).toEqual(['processing', 'ready']);
  });

  it('leaves a file requeued for a reindex while it ran queued, so the new job runs it again', async () => {
    const id = await queuedFile();
    await inJob(async (files) => {
      await files.claim(id);
      await elsewhere(`update files set status = 'queued' where id = ?`, id);
      await files.reportProgress(id, 'embedding', 0.5);
      await files.markReady(id, { chunkCount: 3, pageCount: null, generation: 0 });
    });
    expect(await row(id)).toEqual({ status: 'queued', chunk_count: 0 });
    await inJob(async (files) => expect(await files.claim(id)).toMatchObject({ id }));
  });

  it('claims a file search serves for the generation after its live one, and keeps it searchable when that run fails', async () => {
    const id = await queuedFile();
    await inJob(async (files) => expect(await files.claim(id)).toMatchObject({ id, generation: 0 }));
    await elsewhere(`update files set status = 'queued', live_generation = 2 where id = ?`, id);
    await inJob(async (files) => {
      expect(await files.claim(id)).toMatchObject({ id, generation: 3 });
      await files.markFailed(id, { code: 'document_unreadable', message: 'bad bytes' });
    });
    expect(events.views.filter((view) => view.id === id).at(-1)).toMatchObject({ status: 'failed', searchable: true, error: { code: 'document_unreadable' } });
  });

  it('writes nothing over a file deleted while it ran', async () => {
    const id = await queuedFile();
    await inJob(async (files) => {
      await files.claim(id);
      await elsewhere(`update files set deleted_at = now() where id = ?`, id);
      await files.markFailed(id, { code: 'parse_failed', message: 'bad bytes' });
    });
    expect(await row(id)).toEqual({ status: 'processing', chunk_count: 0 });
  });

  it('keeps the outcome a duplicate run recorded first', async () => {
    const id = await queuedFile();
    await inJob(async (files) => {
      await files.claim(id);
      await inJob((other) => other.markReady(id, { chunkCount: 2, pageCount: null, generation: 0 }));
      await files.markFailed(id, { code: 'timeout', message: 'too slow' });
    });
    expect(await row(id)).toEqual({ status: 'ready', chunk_count: 2 });
  });
});
