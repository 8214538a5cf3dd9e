// `npm run migrate`: applies pending migrations to DATABASE_URL.
import { migrateUp } from './lib/migrate.mjs';

if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is not set');
  process.exit(1);
}
await migrateUp(process.env.DATABASE_URL, { log: console.log });
