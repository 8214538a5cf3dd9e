/** The files module's test support, for specs only. */
// The file registry's form of the reading rule, for the spec that checks each compiled form.
export { memberReader } from '../domain/stored-file';
export { MikroOrmFileRepository } from '../persistence/mikro-orm-file.repository';
export { StoredFileSchema } from '../persistence/stored-file.schema';
