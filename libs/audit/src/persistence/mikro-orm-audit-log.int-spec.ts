import type { INestApplication } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { DepartmentRepository } from '@app/org';
import { Transactions } from '@app/platform';
import { Department } from '../../../org/src/domain/department';
import { inOrmContext, startApi } from '../../../../test/e2e/support/test-app';
import { AuditEntries, AuditLog } from '../audit.ports';

describe('the audit log (PostgreSQL)', () => {
  let app: INestApplication;
  let em: EntityManager;
  const entry = (targetId: string) => ({ actorId: randomUUID(), action: 'department.created' as const, target: { type: 'department' as const, id: targetId }, departmentIds: [] });
  const entriesAbout = async (targetId: string) => Number((await em.getConnection().execute(`select count(*) as n from audit_entries where target_id = ?`, [targetId]))[0].n);

  beforeAll(async () => {
    app = await startApi();
    em = app.get(EntityManager);
  });
  afterAll(() => app?.close());

  it('writes the entry with the change when the transaction commits', async () => {
    const target = randomUUID();
    await inOrmContext(app, () => app.get(Transactions).run(() => app.get(AuditLog).record(entry(target))));
    expect(await entriesAbout(target)).toBe(1);
  });

  it('leaves no entry when the work after it throws', async () => {
    const target = randomUUID();
    const work = inOrmContext(app, () =>
      app.get(Transactions).run(async () => {
        await app.get(AuditLog).record(entry(target));
        throw new Error('the change failed after its entry was written');
      }),
    );
    await expect(work).rejects.toThrow('the change failed');
    expect(await entriesAbout(target)).toBe(0);
  });

  it('leaves neither the entry nor the change when the database refuses the change', async () => {
    const target = randomUUID();
    // A department under a parent that does not exist: the foreign key refuses it at the insert.
    const orphan = Department.create(target, `Orphan ${target}`, randomUUID(), new Date());
    const work = inOrmContext(app, () =>
      app.get(Transactions).run(async () => {
        await app.get(AuditLog).record(entry(target));
        await app.get(DepartmentRepository).add(orphan);
      }),
    );
    await expect(work).rejects.toThrow(/foreign key/);
    expect(await entriesAbout(target)).toBe(0);
    expect(await em.getConnection().execute('select 1 from departments where id = ?', [target])).toHaveLength(0);
  });

  it('refuses to change or delete an entry, even in SQL', async () => {
    const target = randomUUID();
    await inOrmContext(app, () => app.get(Transactions).run(() => app.get(AuditLog).record(entry(target))));
    await expect(em.getConnection().execute(`update audit_entries set action = 'user.created' where target_id = ?`, [target])).rejects.toThrow(/cannot be changed or deleted/);
    await expect(em.getConnection().execute(`delete from audit_entries where target_id = ?`, [target])).rejects.toThrow(/cannot be changed or deleted/);
    expect(await entriesAbout(target)).toBe(1);
  });

  it('filters by the departments an entry concerns', async () => {
    const [mine, theirs] = [randomUUID(), randomUUID()];
    const target = randomUUID();
    await inOrmContext(app, () => app.get(Transactions).run(() => app.get(AuditLog).record({ ...entry(target), departmentIds: [mine] })));
    const seen = (departmentIds: string[]) => inOrmContext(app, () => app.get(AuditEntries).list({ departmentIds }, 100, null));
    expect((await seen([theirs, mine])).map((e) => e.targetId)).toContain(target);
    expect((await seen([theirs])).map((e) => e.targetId)).not.toContain(target);
  });
});
