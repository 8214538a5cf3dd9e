// Applies the migrations in migrations/ (TypeScript files that Node runs directly), and the
// settings that the MikroORM CLI (mikro-orm.config.mjs) shares with it.
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';

const root = path.resolve(import.meta.dirname, '..', '..');
const migrationsDir = path.join(root, 'migrations');

export const migrationOptions = {
  path: migrationsDir,
  pathTs: migrationsDir,
  glob: '!(*.d).{js,ts}',
  emit: 'ts',
  // A batch goes in whole or not at all.
  transactional: true,
  allOrNothing: true,
  // migrations/entity-schemas.snapshot.json: the entity schemas as the migrations left them.
  // `migration:create` diffs the schemas against it, not against a database, because the
  // database also holds what only hand-written SQL declares (search tables, triggers, partial
  // indexes, checks, foreign keys), which a diff against it would propose to drop. Only
  // `migration:create` writes it: running migrations never rewrites it from a database.
  snapshot: true,
  snapshotName: 'entity-schemas.snapshot',
  snapshotOnMigrate: false,
  silent: true,
};

export async function migrateUp(clientUrl, { log = () => {} } = {}) {
  const orm = await MikroORM.init({
    clientUrl,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    preferTs: true,
    // Applying needs no snapshot, and a read-only image must not try to write one.
    migrations: { ...migrationOptions, snapshot: false },
  });
  try {
    const applied = await orm.migrator.up();
    for (const migration of applied) log(`applied ${migration.name}`);
    return applied.map((migration) => migration.name);
  } finally {
    await orm.close(true);
  }
}
