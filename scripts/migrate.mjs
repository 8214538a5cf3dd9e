// `npm run migrate` (and the Docker image's `node scripts/migrate.mjs`): applies the pending
// migrations in migrations/ to DATABASE_URL, all in one transaction, and names each one.
import { migrateUp } from './lib/migrate.mjs';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: it names the PostgreSQL database to migrate');
  process.exit(1);
}
try {
  const applied = await migrateUp(url, { log: (line) => console.log(line) });
  console.log(applied.length === 0 ? 'No pending migrations: the database is up to date' : `${applied.length} migration(s) applied`);
} catch (error) {
  // Nothing of a failed batch stays applied (allOrNothing), so the database is as it was.
  console.error(`Migration failed, nothing applied: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
