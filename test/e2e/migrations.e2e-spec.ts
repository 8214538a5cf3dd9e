import { EntitySchema } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { execFile } from 'node:child_process';
import { globSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { migrationOptions } from '../../scripts/lib/migrate.mjs';
import { createEmptyDatabase } from './support/own-database';

const root = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);

/** `npm run migrate`, as an operator runs it: a child process on the project's Node. */
function npmRunMigrate(env: Record<string, string | undefined>) {
  return run('npm', ['run', '--silent', 'migrate'], { cwd: root, env: { PATH: process.env.PATH, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe('migrations', () => {
  it('npm run migrate applies every migration to an empty database, naming each, and nothing the second time', async () => {
    const url = await createEmptyDatabase('migrate');
    const files = readdirSync(path.join(root, 'migrations'))
      .filter((file) => /^Migration.*\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ''));

    const first = await npmRunMigrate({ DATABASE_URL: url });
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout.match(/^applied (\S+)$/gm)?.map((line) => line.slice('applied '.length))).toEqual(files.sort());
    expect(first.stdout).toContain(`${files.length} migration(s) applied`);

    const second = await npmRunMigrate({ DATABASE_URL: url });
    expect(second).toMatchObject({ code: 0 });
    expect(second.stdout).not.toContain('applied Migration');
    expect(second.stdout).toContain('No pending migrations');
  });

  it('npm run migrate refuses to run without DATABASE_URL, and fails clearly when the database cannot be reached', async () => {
    const unset = await npmRunMigrate({});
    expect(unset.code).not.toBe(0);
    expect(unset.stderr).toContain('DATABASE_URL is not set');

    const unreachable = await npmRunMigrate({ DATABASE_URL: 'postgresql://nobody:nothing@127.0.0.1:1/none' });
    expect(unreachable.code).not.toBe(0);
    expect(unreachable.stderr).toMatch(/Migration failed, nothing applied: .*ECONNREFUSED/);
  });

  // What `npm run migration:create` diffs against: when an entity schema changes without a
  // migration, this fails until one is created (or a hand-written one records it with --blank).
  it('the committed schema snapshot matches the entity schemas, so migration:create finds nothing to add', async () => {
    const files = globSync('libs/*/src/persistence/*.ts', { cwd: root }).filter((file) => !/\.(int-)?spec\.ts$/.test(file));
    const modules: Array<Record<string, unknown>> = await Promise.all(files.map((file) => import(path.join(root, file))));
    const schemas = modules.flatMap((exports) => Object.values(exports)).filter((value): value is EntitySchema => value instanceof EntitySchema);
    expect(schemas.length).toBeGreaterThanOrEqual(6);
    const orm = await MikroORM.init({ driver: PostgreSqlDriver, dbName: 'offline', entities: schemas, extensions: [Migrator], migrations: migrationOptions });
    try {
      expect(await orm.migrator.checkSchema()).toBe(false);
    } finally {
      await orm.close(true);
    }
  });
});
