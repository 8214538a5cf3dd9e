import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';

/** An empty database of the suite's own on the test server, as a fresh deployment starts. Returns its URL. */
export async function createEmptyDatabase(prefix: string): Promise<string> {
  const server = await MikroORM.init({ clientUrl: process.env.DATABASE_URL, entities: [], discovery: { warnWhenNoEntities: false } });
  const name = `${prefix}_${randomUUID().slice(0, 8)}`;
  await server.em.getConnection().execute(`create database "${name}"`);
  await server.close(true);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A freshly migrated database of the suite's own on the test server, for assertions about the
 * whole of it (corpus-wide statistics, vacuum state). Returns its URL.
 */
export async function createMigratedDatabase(prefix: string): Promise<string> {
  const url = await createEmptyDatabase(prefix);
  const { migrateUp } = await import('../../../scripts/lib/migrate.mjs');
  await migrateUp(url);
  return url;
}
