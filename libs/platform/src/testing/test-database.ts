import { MikroORM, PostgreSqlDriver, RequestContext, type EntityManager, type EntitySchema } from '@mikro-orm/postgresql';
import { connectionOf } from '../database/connection';
import { PreparedQueries } from '../database/prepared-queries';
import { MikroOrmTransactions, type Transactions } from '../database/transactions';

/**
 * The test database (migrated by the global setup) mapped with only the schemas a repository
 * spec names, so the spec builds its one repository on `em` without booting a Nest app.
 */
export interface TestDatabase {
  /** The global manager: inside `inContext` it resolves to that context's fork, as in a request. */
  em: EntityManager;
  sql: PreparedQueries;
  transactions: Transactions;
  /** Runs work in a fresh MikroORM context, as a request or a job does. */
  inContext<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openTestDatabase(schemas: EntitySchema[], databaseUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (!databaseUrl) throw new Error('DATABASE_URL is unset: repository specs run under the integration project, whose global setup starts PostgreSQL');
  const orm = await MikroORM.init({ driver: PostgreSqlDriver, ...connectionOf(databaseUrl), entities: schemas, pool: { min: 0, max: 4 }, debug: false });
  const em = orm.em;
  return {
    em,
    sql: new PreparedQueries(em),
    transactions: new MikroOrmTransactions(em),
    inContext: (work) => RequestContext.create(em, work),
    close: () => orm.close(),
  };
}
