// The MikroORM CLI's configuration (`npx mikro-orm …`, devDependency @mikro-orm/cli), for
// developers: `npm run migration:create -- --name <name>` writes a migration from what the
// entity schemas changed since the last one. The schemas are read as built in dist/ (the script
// builds first), since the CLI here has no TypeScript loader for the libs' path aliases.
// Production applies migrations with `npm run migrate` (scripts/migrate.mjs), which needs no CLI.
import { existsSync, globSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, EntitySchema } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { migrationOptions } from './scripts/lib/migrate.mjs';

function builtEntitySchemas() {
  const require = createRequire(import.meta.url);
  const libs = path.join(import.meta.dirname, 'dist', 'libs');
  const files = existsSync(libs) ? globSync('*/src/persistence/*.js', { cwd: libs }) : [];
  const schemas = files.flatMap((file) => Object.values(require(path.join(libs, file))).filter((value) => value instanceof EntitySchema));
  if (schemas.length === 0) throw new Error('No entity schemas in dist/libs/*/src/persistence: run npm run build first');
  return schemas;
}

export default defineConfig({
  driver: PostgreSqlDriver,
  // Only `migration:list`/`pending`/`up` reach a database; `migration:create` works offline.
  clientUrl: process.env.DATABASE_URL || 'postgresql://localhost/assistant',
  entities: builtEntitySchemas(),
  extensions: [Migrator],
  migrations: migrationOptions,
});
