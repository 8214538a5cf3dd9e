export { AccessModule } from './access.module';
export { AccessDirectory } from './access.ports';
export { InMemoryAccessDirectory } from './testing/in-memory-access-directory';
