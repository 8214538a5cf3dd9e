/** The access module's in-memory ports, for specs only. */
export { InMemoryAccessDirectory } from './in-memory-access-directory';
