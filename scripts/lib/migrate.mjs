// Applies the migrations in migrations/ (TypeScript files that Node runs directly).
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';

const root = path.resolve(import.meta.dirname, '..', '..');

export async function migrateUp(clientUrl, { log = () => {} } = {}) {
  const orm = await MikroORM.init({
    clientUrl,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    preferTs: true,
    migrations: {
      path: path.join(root, 'migrations'),
      pathTs: path.join(root, 'migrations'),
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
  });
  try {
    const applied = await orm.migrator.up();
    for (const migration of applied) log(`applied ${migration.name}`);
    return applied.map((migration) => migration.name);
  } finally {
    await orm.close(true);
  }
}
