/** Test support for specs of any module (never imported by production code). */
export { InlineTransactions } from './inline-transactions';
export { openTestDatabase, type TestDatabase } from './test-database';
