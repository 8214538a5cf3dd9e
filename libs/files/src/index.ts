export { FilesModule } from './files.module';
export type { FileView } from './domain/file-view';
export type { FileStatus, FileVisibility } from './domain/stored-file';
