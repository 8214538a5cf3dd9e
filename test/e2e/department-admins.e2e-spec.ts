import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { SseReader } from './support/sse-client';
import { createSession, startApi, testPassword, type TestUser } from './support/test-app';
import { startWorker } from './support/test-worker';

const settings = {
  CHROMA_COLLECTION: `dept_admins_${randomUUID().slice(0, 8)}`,
  STORAGE_DIR: path.join(process.env.TEST_DATA_DIR ?? '/tmp', `dept-admin-blobs-${randomUUID().slice(0, 8)}`),
  EMBEDDING_DIMENSION: '256',
};

//   Engineering (lead: department admin) ─ Platform
//   People (elsewhere)
describe('department admins, and access along the tree', () => {
  let app: INestApplication;
  let other: INestApplication;
  let worker: INestApplicationContext;
  let http: ReturnType<typeof request>;
  let admin: TestUser;
  let lead: TestUser;
  let departments: { engineering: string; platform: string; people: string };
  let platformMember: TestUser;
  let peopleMember: TestUser;

  const upload = (user: TestUser, departmentId: string, name: string, text: string, visibility = 'department') =>
    http.post('/api/v1/files').set(user.auth).field('departmentId', departmentId).field('visibility', visibility).attach('file', Buffer.from(text), name);

  async function ready(fileId: string) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const file = (await http.get(`/api/v1/files/${fileId}`).set(admin.auth).expect(200)).body;
      if (file.status === 'ready') return file;
      if (file.status === 'failed' || Date.now() > deadline) throw new Error(`file ${fileId} ended ${file.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const department = async (name: string, parentId?: string) =>
    (
      await http
        .post('/api/v1/org/departments')
        .set(admin.auth)
        .send({ name: `${name} ${randomUUID().slice(0, 8)}`, ...(parentId ? { parentId } : {}) })
        .expect(201)
    ).body.id as string;

  beforeAll(async () => {
    app = await startApi(settings);
    await app.listen(0, '127.0.0.1');
    // A second API process on the same database and Redis.
    other = await startApi(settings);
    worker = await startWorker(settings);
    http = request(app.getHttpServer());
    admin = await createSession(app, 'admin');
    const engineering = await department('Engineering');
    departments = { engineering, platform: await department('Platform', engineering), people: await department('People') };
    lead = await createSession(app, 'department_admin', departments.engineering);
    platformMember = await createSession(app, 'member', departments.platform);
    peopleMember = await createSession(app, 'member', departments.people);
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await other?.close();
    await app?.close();
  });

  describe('files', () => {
    it('uploads, reindexes and deletes files in the subtree', async () => {
      const uploaded = (await upload(lead, departments.platform, 'platform-notes.md', '# Platform notes\n\nDeploys run on Tuesdays.\n').expect(202)).body;
      await ready(uploaded.id);
      expect((await http.post(`/api/v1/files/${uploaded.id}/reindex`).set(lead.auth).expect(202)).body.status).toBe('queued');
      await ready(uploaded.id);
      await http.delete(`/api/v1/files/${uploaded.id}`).set(lead.auth).expect(202);
      await http.get(`/api/v1/files/${uploaded.id}`).set(lead.auth).expect(404);
    });

    it('refuses an upload outside the subtree with 403, before storing it', async () => {
      const refused = await upload(lead, departments.people, 'hr.md', '# HR\n').expect(403);
      expect(refused.body.code).toBe('outside_managed_departments');
      const listed = await http.get(`/api/v1/files?departmentId=${departments.people}`).set(admin.auth).expect(200);
      expect(listed.body.items.map((f: { filename: string }) => f.filename)).not.toContain('hr.md');
    });

    it('sees its subtree’s files, answers 403 for a file it may read but not change, and 404 for one it may not see', async () => {
      const platformOnly = (await upload(admin, departments.platform, 'platform-only.md', '# Platform only\n\nOn-call rota.\n').expect(202)).body;
      const orgWide = (await upload(admin, departments.people, 'holidays.md', '# Holidays\n\nEveryone gets 25 days.\n', 'organization').expect(202)).body;
      const peopleOnly = (await upload(admin, departments.people, 'salaries.md', '# Salaries\n\nConfidential bands.\n').expect(202)).body;
      await Promise.all([platformOnly, orgWide, peopleOnly].map((file) => ready(file.id)));

      // A department admin administers Platform's files, though Engineering does not read them.
      await http.get(`/api/v1/files/${platformOnly.id}`).set(lead.auth).expect(200);
      const listed = (await http.get('/api/v1/files?limit=100').set(lead.auth).expect(200)).body.items.map((f: { id: string }) => f.id);
      expect(listed).toEqual(expect.arrayContaining([platformOnly.id, orgWide.id]));
      expect(listed).not.toContain(peopleOnly.id);

      for (const call of [http.post(`/api/v1/files/${orgWide.id}/reindex`), http.delete(`/api/v1/files/${orgWide.id}`)]) {
        expect((await call.set(lead.auth).expect(403)).body.code).toBe('outside_managed_departments');
      }
      for (const call of [http.get(`/api/v1/files/${peopleOnly.id}`), http.post(`/api/v1/files/${peopleOnly.id}/reindex`), http.delete(`/api/v1/files/${peopleOnly.id}`)]) {
        expect((await call.set(lead.auth).expect(404)).body.code).toBe('file_not_found');
      }
      // A member of Platform reads Platform's file; a member of People does not.
      await http.get(`/api/v1/files/${platformOnly.id}`).set(platformMember.auth).expect(200);
      await http.get(`/api/v1/files/${platformOnly.id}`).set(peopleMember.auth).expect(404);
    });

    it('may not re-embed the corpus', async () => {
      expect((await http.post('/api/v1/files/reembed').set(lead.auth).expect(403)).body.code).toBe('admin_only');
    });
  });

  describe('users', () => {
    it('lists the users of the subtree only', async () => {
      const ids = (await http.get('/api/v1/org/users?limit=100').set(lead.auth).expect(200)).body.items.map((u: { id: string }) => u.id);
      expect(ids).toEqual(expect.arrayContaining([lead.id, platformMember.id]));
      expect(ids).not.toContain(peopleMember.id);
      expect(ids).not.toContain(admin.id);
    });

    it('creates members and department admins in the subtree, never an admin and never elsewhere', async () => {
      const body = (role: string, departmentId: string) => ({ email: `${randomUUID()}@example.test`, password: testPassword, displayName: 'New', role, departmentId });
      await http.post('/api/v1/org/users').set(lead.auth).send(body('member', departments.platform)).expect(201);
      await http.post('/api/v1/org/users').set(lead.auth).send(body('department_admin', departments.platform)).expect(201);
      expect((await http.post('/api/v1/org/users').set(lead.auth).send(body('admin', departments.platform)).expect(403)).body.code).toBe('admin_only');
      expect((await http.post('/api/v1/org/users').set(lead.auth).send(body('member', departments.people)).expect(403)).body.code).toBe('outside_managed_departments');
    });

    it('changes users of the subtree, never moving them out, never granting admin, never touching an admin, and finds nobody outside', async () => {
      const target = await createSession(app, 'member', departments.engineering);
      await http.patch(`/api/v1/org/users/${target.id}`).set(lead.auth).send({ departmentId: departments.platform, role: 'department_admin' }).expect(200);
      expect((await http.patch(`/api/v1/org/users/${target.id}`).set(lead.auth).send({ departmentId: departments.people }).expect(403)).body.code).toBe('outside_managed_departments');
      expect((await http.patch(`/api/v1/org/users/${target.id}`).set(lead.auth).send({ role: 'admin' }).expect(403)).body.code).toBe('admin_only');
      const engineeringAdmin = await createSession(app, 'admin', departments.engineering);
      expect((await http.patch(`/api/v1/org/users/${engineeringAdmin.id}`).set(lead.auth).send({ disabled: true }).expect(403)).body.code).toBe('admin_only');
      expect((await http.patch(`/api/v1/org/users/${peopleMember.id}`).set(lead.auth).send({ displayName: 'Renamed' }).expect(404)).body.code).toBe('user_not_found');
    });
  });

  describe('departments', () => {
    it('creates, renames and moves sub-departments inside the subtree, and nothing outside or at its top', async () => {
      const lab = (await http.post('/api/v1/org/departments').set(lead.auth).send({ name: 'Lab', parentId: departments.platform }).expect(201)).body.id;
      await http.patch(`/api/v1/org/departments/${lab}`).set(lead.auth).send({ name: 'Research lab', parentId: departments.engineering }).expect(200);
      expect((await http.post('/api/v1/org/departments').set(lead.auth).send({ name: 'Top' }).expect(403)).body.code).toBe('admin_only');
      expect((await http.post('/api/v1/org/departments').set(lead.auth).send({ name: 'Theirs', parentId: departments.people }).expect(403)).body.code).toBe('outside_managed_departments');
      expect((await http.patch(`/api/v1/org/departments/${lab}`).set(lead.auth).send({ parentId: departments.people }).expect(403)).body.code).toBe('outside_managed_departments');
      expect((await http.patch(`/api/v1/org/departments/${departments.engineering}`).set(lead.auth).send({ name: 'Mine' }).expect(403)).body.code).toBe('outside_managed_departments');
      expect((await http.patch(`/api/v1/org/departments/${departments.people}`).set(lead.auth).send({ name: 'Mine' }).expect(403)).body.code).toBe('outside_managed_departments');
      expect((await http.delete(`/api/v1/org/departments/${lab}`).set(lead.auth).expect(403)).body.code).toBe('admin_only');
      await http.delete(`/api/v1/org/departments/${lab}`).set(admin.auth).expect(204);
    });

    it('never moves a department under itself or its descendants', async () => {
      for (const parentId of [departments.engineering, departments.platform]) {
        expect((await http.patch(`/api/v1/org/departments/${departments.engineering}`).set(admin.auth).send({ parentId }).expect(409)).body.code).toBe('department_cycle');
      }
    });

    it('deletes only an empty department, naming what is left', async () => {
      const refused = await http.delete(`/api/v1/org/departments/${departments.engineering}`).set(admin.auth).expect(409);
      expect(refused.body).toMatchObject({ code: 'department_not_empty', message: expect.stringMatching(/users?.*sub-department/) });
      expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['users', 'departments']));
      await http.delete(`/api/v1/org/departments/${randomUUID()}`).set(admin.auth).expect(404);
    });
  });

  describe('access along the tree', () => {
    it('reads accordingly at the next request in another process once a department moves, search included', async () => {
      const [owner, reader] = [await department('Owner'), await department('Reader')];
      const member = await createSession(app, 'member', reader);
      const file = (await upload(admin, owner, 'glacier-survey.md', '# Glacier survey\n\nThe glacier retreated forty metres this year.\n').expect(202)).body;
      await ready(file.id);
      const ask = async () => {
        const stream = await SseReader.post(`${await app.getUrl()}/api/v1/chat`, member.auth, { message: 'How far did the glacier retreat this year?' });
        await stream.all();
        return (await stream.until('citations'))!.data.citations.map((c: { fileId: string }) => c.fileId) as string[];
      };
      await request(other.getHttpServer()).get(`/api/v1/files/${file.id}`).set(member.auth).expect(404);
      expect(await ask()).not.toContain(file.id);

      await http.patch(`/api/v1/org/departments/${reader}`).set(admin.auth).send({ parentId: owner }).expect(200);
      await request(other.getHttpServer()).get(`/api/v1/files/${file.id}`).set(member.auth).expect(200);
      // The same question, asked again: no cached result of the old scope is served.
      expect(await ask()).toContain(file.id);

      await http.patch(`/api/v1/org/departments/${reader}`).set(admin.auth).send({ parentId: null }).expect(200);
      await request(other.getHttpServer()).get(`/api/v1/files/${file.id}`).set(member.auth).expect(404);
      expect(await ask()).not.toContain(file.id);
    });

    it('reads accordingly at the next request in another process once a user moves', async () => {
      const [owner, elsewhere] = [await department('Owner'), await department('Elsewhere')];
      const member = await createSession(app, 'member', elsewhere);
      const file = (await upload(admin, owner, 'owner-notes.md', '# Owner notes\n').expect(202)).body;
      await request(other.getHttpServer()).get(`/api/v1/files/${file.id}`).set(member.auth).expect(404);
      await http.patch(`/api/v1/org/users/${member.id}`).set(admin.auth).send({ departmentId: owner }).expect(200);
      await request(other.getHttpServer()).get(`/api/v1/files/${file.id}`).set(member.auth).expect(200);
    });
  });

  describe('the audit log', () => {
    it('shows a department admin the entries about their subtree, and an admin everything, filterable', async () => {
      const since = new Date(Date.now() - 60 * 60_000).toISOString();
      const mine = (await http.get(`/api/v1/admin/audit?limit=100&actorId=${lead.id}&from=${since}`).set(lead.auth).expect(200)).body.items;
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((entry: { actorId: string }) => entry.actorId === lead.id)).toBe(true);
      expect(mine.map((entry: { action: string }) => entry.action)).toEqual(
        expect.arrayContaining(['file.uploaded', 'file.reindexed', 'file.deleted', 'user.created', 'user.updated', 'department.created', 'department.renamed', 'department.moved']),
      );

      const seenByLead = (await http.get('/api/v1/admin/audit?limit=100&action=file.uploaded').set(lead.auth).expect(200)).body.items;
      const filenames = seenByLead.map((entry: { detail: { filename: string } }) => entry.detail.filename);
      expect(filenames).toEqual(expect.arrayContaining(['platform-only.md']));
      expect(filenames).not.toContain('salaries.md');
      const seenByAdmin = (await http.get('/api/v1/admin/audit?limit=100&action=file.uploaded').set(admin.auth).expect(200)).body.items;
      expect(seenByAdmin.map((entry: { detail: { filename: string } }) => entry.detail.filename)).toEqual(expect.arrayContaining(['platform-only.md', 'salaries.md']));
    });

    it('records the request id of the change', async () => {
      const requestId = `audit-${randomUUID()}`;
      const created = await http.post('/api/v1/org/departments').set(lead.auth).set('x-request-id', requestId).send({ name: 'Traced', parentId: departments.platform }).expect(201);
      const entries = (await http.get('/api/v1/admin/audit?action=department.created&limit=20').set(lead.auth).expect(200)).body.items;
      expect(entries.find((entry: { targetId: string }) => entry.targetId === created.body.id)).toMatchObject({ requestId, actorId: lead.id, targetType: 'department' });
    });

    it('pages with a cursor, and offers no way to change or delete an entry', async () => {
      const first = (await http.get('/api/v1/admin/audit?limit=2').set(admin.auth).expect(200)).body;
      expect(first.items).toHaveLength(2);
      const second = (await http.get(`/api/v1/admin/audit?limit=2&cursor=${first.nextCursor}`).set(admin.auth).expect(200)).body;
      expect(second.items.map((e: { id: string }) => e.id)).not.toEqual(expect.arrayContaining(first.items.map((e: { id: string }) => e.id)));
      expect(new Date(second.items[0].at).getTime()).toBeLessThanOrEqual(new Date(first.items[1].at).getTime());
      for (const call of [http.delete(`/api/v1/admin/audit/${first.items[0].id}`), http.patch(`/api/v1/admin/audit/${first.items[0].id}`), http.delete('/api/v1/admin/audit')]) {
        expect((await call.set(admin.auth).send({})).status).toBe(404);
      }
      await http.get('/api/v1/admin/audit?action=everything').set(admin.auth).expect(400);
    });
  });
});
