import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { IngestionFiles, IngestQueueModule } from '@app/ingest';
import { AppConfig } from '@app/platform';
import { RetrievalModule } from '@app/retrieval';
import { DeleteFileHandler } from './commands/delete-file/delete-file.handler';
import { RequestReembedHandler } from './commands/reembed-corpus/request-reembed.handler';
import { ReindexFileHandler } from './commands/reindex-file/reindex-file.handler';
import { UploadFileHandler } from './commands/upload-file/upload-file.handler';
import { UploadSettings } from './commands/upload-file/upload-settings';
import { RedisFileEvents } from './events/redis-file-events';
import { BlobStorage, FileEvents, FileRepository } from './files.ports';
import { FilesController } from './http/files.controller';
import { RegistryIngestionFiles } from './ingestion/registry-ingestion-files';
import { MikroOrmFileRepository } from './persistence/mikro-orm-file.repository';
import { StoredFileSchema } from './persistence/stored-file.schema';
import { GetFileContentHandler } from './queries/get-file-content/get-file-content.handler';
import { GetReembedHandler } from './queries/get-reembed/get-reembed.handler';
import { GetFileHandler } from './queries/get-file/get-file.handler';
import { ListFilesHandler } from './queries/list-files/list-files.handler';
import { WatchFileHandler } from './queries/watch-file/watch-file.handler';
import { DiskBlobStorage } from './storage/disk-blob-storage';

/** Upload, the file registry and its status machine, blob storage and file events. */
@Module({
  imports: [MikroOrmModule.forFeature([StoredFileSchema]), IngestQueueModule, RetrievalModule],
  controllers: [FilesController],
  providers: [
    { provide: FileRepository, useClass: MikroOrmFileRepository },
    { provide: BlobStorage, useClass: DiskBlobStorage },
    { provide: FileEvents, useClass: RedisFileEvents },
    { provide: IngestionFiles, useClass: RegistryIngestionFiles },
    { provide: UploadSettings, inject: [AppConfig], useFactory: (config: AppConfig): UploadSettings => ({ maxBytes: config.get('UPLOAD_MAX_BYTES') }) },
    UploadFileHandler,
    ReindexFileHandler,
    DeleteFileHandler,
    RequestReembedHandler,
    ListFilesHandler,
    GetFileHandler,
    GetFileContentHandler,
    GetReembedHandler,
    WatchFileHandler,
  ],
  exports: [IngestionFiles],
})
export class FilesModule {}
