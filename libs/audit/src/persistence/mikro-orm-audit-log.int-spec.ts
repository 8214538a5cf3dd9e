import { randomUUID } from 'node:crypto';
import { openTestDatabase, type TestDatabase } from '@app/testing/platform';
import { AuditEntrySchema } from './audit-entry.schema';
import { MikroOrmAuditEntries, MikroOrmAuditLog } from './mikro-orm-audit-log';

describe('the audit log (PostgreSQL)', () => {
  let db: TestDatabase;
  let log: MikroOrmAuditLog;
  let entries: MikroOrmAuditEntries;
  const entry = (targetId: string) => ({ actorId: randomUUID(), action: 'department.created' as const, target: { type: 'department' as const, id: targetId }, departmentIds: [] });
  const entriesAbout = async (targetId: string) => Number((await db.em.getConnection().execute(`select count(*) as n from audit_entries where target_id = ?`, [targetId]))[0].n);

  beforeAll(async () => {
    db = await openTestDatabase([AuditEntrySchema]);
    log = new MikroOrmAuditLog(db.em);
    entries = new MikroOrmAuditEntries(db.em);
  });
  afterAll(() => db?.close());

  it('writes the entry with the change when the transaction commits', async () => {
    const target = randomUUID();
    await db.inContext(() => db.transactions.run(() => log.record(entry(target))));
    expect(await entriesAbout(target)).toBe(1);
  });

  it('leaves no entry when the work after it throws', async () => {
    const target = randomUUID();
    const work = db.inContext(() =>
      db.transactions.run(async () => {
        await log.record(entry(target));
        throw new Error('the change failed after its entry was written');
      }),
    );
    await expect(work).rejects.toThrow('the change failed');
    expect(await entriesAbout(target)).toBe(0);
  });

  it('leaves neither the entry nor the change when the database refuses the change', async () => {
    const target = randomUUID();
    // A department under a parent that does not exist: the foreign key refuses it at the insert.
    const addOrphan = () => db.em.execute('insert into departments (id, name, parent_id, created_at) values (?, ?, ?, now())', [target, `Orphan ${target}`, randomUUID()]);
    const work = db.inContext(() =>
      db.transactions.run(async () => {
        await log.record(entry(target));
        await addOrphan();
      }),
    );
    await expect(work).rejects.toThrow(/foreign key/);
    expect(await entriesAbout(target)).toBe(0);
    expect(await db.em.getConnection().execute('select 1 from departments where id = ?', [target])).toHaveLength(0);
  });

  it('refuses to change or delete an entry, even in SQL', async () => {
    const target = randomUUID();
    await db.inContext(() => db.transactions.run(() => log.record(entry(target))));
    await expect(db.em.getConnection().execute(`update audit_entries set action = 'user.created' where target_id = ?`, [target])).rejects.toThrow(/cannot be changed or deleted/);
    await expect(db.em.getConnection().execute(`delete from audit_entries where target_id = ?`, [target])).rejects.toThrow(/cannot be changed or deleted/);
    expect(await entriesAbout(target)).toBe(1);
  });

  it('filters by the departments an entry concerns', async () => {
    const [mine, theirs] = [randomUUID(), randomUUID()];
    const target = randomUUID();
    await db.inContext(() => db.transactions.run(() => log.record({ ...entry(target), departmentIds: [mine] })));
    const seen = (departmentIds: string[]) => db.inContext(() => entries.list({ departmentIds }, 100, null));
    expect((await seen([theirs, mine])).map((e) => e.targetId)).toContain(target);
    expect((await seen([theirs])).map((e) => e.targetId)).not.toContain(target);
  });
});
