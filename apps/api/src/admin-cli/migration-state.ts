import type { Connection } from '@mikro-orm/core';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The project folder (with package.json) above this file, from the sources and from dist/ alike. */
function projectRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

const UNDEFINED_TABLE = '42P01';

/** The migrations in migrations/ that this database has not run; all of them on an empty database. */
export async function pendingMigrations(connection: Connection): Promise<string[]> {
  const dir = path.join(projectRoot(), 'migrations');
  const known = readdirSync(dir)
    .filter((file) => /^Migration.+\.(ts|js)$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => file.replace(/\.(ts|js)$/, ''));
  let executed: Set<string>;
  try {
    const rows: Array<{ name: string }> = await connection.execute('select name from mikro_orm_migrations');
    executed = new Set(rows.map((row) => row.name.replace(/\.(ts|js)$/, '')));
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) return known;
    throw error;
  }
  return known.filter((name) => !executed.has(name)).sort();
}
