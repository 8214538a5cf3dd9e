import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { useTestEnvironment } from '../../../../test/e2e/support/test-app';
import { AppConfigModule } from '../config/config.module';
import { PlatformModule } from '../platform.module';
import { PreparedQueries } from './prepared-queries';

describe('PreparedQueries (PostgreSQL)', () => {
  let app: INestApplicationContext;
  let queries: PreparedQueries;

  beforeAll(async () => {
    // One connection, so the statement prepared by one call is visible to the next.
    useTestEnvironment({ DATABASE_POOL_MAX: '1' });
    app = await (await Test.createTestingModule({ imports: [AppConfigModule.forRoot(), PlatformModule] }).compile()).init();
    queries = app.get(PreparedQueries);
  });
  afterAll(() => app?.close());

  it('runs a statement prepared once per connection, its ? placeholders numbered in order', async () => {
    const sql = `select ?::int + ?::int as sum, ?::text as label`;
    expect(await queries.rows(sql, [2, 3, 'five'])).toEqual([{ sum: 5, label: 'five' }]);
    expect(await queries.rows(sql, [4, 5, 'nine'])).toEqual([{ sum: 9, label: 'nine' }]);
    const prepared = await queries.rows<{ statement: string }>('select statement from pg_prepared_statements where statement like ?', ['%as label']);
    expect(prepared).toEqual([{ statement: 'select $1::int + $2::int as sum, $3::text as label' }]);
  });

  it('settles on a generic plan after a few calls, unless told to plan each call', async () => {
    const sql = `select count(*)::int as n from departments where name = ? and id <> ?::uuid`;
    for (let call = 0; call < 8; call++) await queries.rows(sql, [`dept ${call}`, randomUUID()]);
    for (let call = 0; call < 8; call++) await queries.rows(`${sql} and true`, [`dept ${call}`, randomUUID()], { planEachCall: true });
    const plans = await queries.rows<{ statement: string; generic_plans: string }>('select statement, generic_plans from pg_prepared_statements where statement like ?', [
      '%from departments where name = $1%',
    ]);
    expect(plans).toEqual([{ statement: 'select count(*)::int as n from departments where name = $1 and id <> $2::uuid', generic_plans: expect.any(String) }]);
    expect(Number(plans[0].generic_plans)).toBeGreaterThan(0);
  });

  it('passes arrays as PostgreSQL arrays, and null as no array', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const sql = 'select count(*)::int as found from unnest(?::uuid[]) as id where id = any(?::uuid[])';
    expect(await queries.rows(sql, [[a, b], [b]])).toEqual([{ found: 1 }]);
    expect(await queries.rows(sql, [[a, b], null])).toEqual([{ found: 0 }]);
  });

  it('counts the rows a statement changed', async () => {
    const em = app.get(EntityManager);
    const name = `prepared ${randomUUID()}`;
    await em.getConnection().execute('insert into departments (id, name, created_at) values (?, ?, now())', [randomUUID(), name]);
    expect(await queries.rowCount('update departments set name = ? where name = ?', [`${name}!`, name])).toBe(1);
    expect(await queries.rowCount('update departments set name = ? where name = ?', [`${name}!`, name])).toBe(0);
  });
});
