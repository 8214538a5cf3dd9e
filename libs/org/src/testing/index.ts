/** The org module's in-memory ports, for specs only. */
export { inMemoryOrg, InMemoryRefreshTokens, InMemoryUsers } from './in-memory-org';
export { insertUserRow } from './user-rows';
