import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { AccessModule } from '@app/access';
import { AuditModule } from '@app/audit';
import { IngestionFiles, IngestQueueModule } from '@app/ingest';
import { AppConfig } from '@app/platform';
import { RetrievalModule } from '@app/retrieval';
import { FileReaders } from './access/file-readers';
import { AttachmentSettings } from './attachments/attachment-settings';
import { ConversationAttachments } from './attachments/conversation-attachments';
import { AttachFileHandler } from './commands/attach-file/attach-file.handler';
import { PurgeSoon } from './commands/delete-file/purge-soon';
import { DeleteFileHandler } from './commands/delete-file/delete-file.handler';
import { RequestReembedHandler } from './commands/reembed-corpus/request-reembed.handler';
import { ReindexFileHandler } from './commands/reindex-file/reindex-file.handler';
import { UploadFileHandler } from './commands/upload-file/upload-file.handler';
import { UploadIntake } from './commands/upload-file/upload-intake';
import { UploadSettings } from './commands/upload-file/upload-settings';
import { RedisFileEvents } from './events/redis-file-events';
import { BlobStorage, ConversationOwners, FileEvents, FileRepository } from './files.ports';
import { AttachmentsController } from './http/attachments.controller';
import { FilesController } from './http/files.controller';
import { RegistryIngestionFiles } from './ingestion/registry-ingestion-files';
import { MikroOrmFileRepository } from './persistence/mikro-orm-file.repository';
import { SqlConversationOwners } from './persistence/sql-conversation-owners';
import { StoredFileSchema } from './persistence/stored-file.schema';
import { GetFileContentHandler } from './queries/get-file-content/get-file-content.handler';
import { GetReembedHandler } from './queries/get-reembed/get-reembed.handler';
import { GetFileHandler } from './queries/get-file/get-file.handler';
import { ListFilesHandler } from './queries/list-files/list-files.handler';
import { WatchFileHandler } from './queries/watch-file/watch-file.handler';
import { DiskBlobStorage } from './storage/disk-blob-storage';

/** Upload, the file registry and its status machine, blob storage and file events. */
@Module({
  imports: [MikroOrmModule.forFeature([StoredFileSchema]), IngestQueueModule, RetrievalModule, AccessModule, AuditModule],
  controllers: [FilesController, AttachmentsController],
  providers: [
    { provide: FileRepository, useClass: MikroOrmFileRepository },
    { provide: BlobStorage, useClass: DiskBlobStorage },
    { provide: FileEvents, useClass: RedisFileEvents },
    { provide: IngestionFiles, useClass: RegistryIngestionFiles },
    { provide: UploadSettings, inject: [AppConfig], useFactory: (config: AppConfig): UploadSettings => ({ maxBytes: config.get('UPLOAD_MAX_BYTES') }) },
    {
      provide: AttachmentSettings,
      inject: [AppConfig],
      useFactory: (config: AppConfig): AttachmentSettings => ({ maxCountPerUser: config.get('ATTACHMENT_MAX_FILES_PER_USER'), maxBytesPerUser: config.get('ATTACHMENT_MAX_BYTES_PER_USER') }),
    },
    { provide: ConversationOwners, useClass: SqlConversationOwners },
    FileReaders,
    UploadIntake,
    PurgeSoon,
    ConversationAttachments,
    UploadFileHandler,
    AttachFileHandler,
    ReindexFileHandler,
    DeleteFileHandler,
    RequestReembedHandler,
    ListFilesHandler,
    GetFileHandler,
    GetFileContentHandler,
    GetReembedHandler,
    WatchFileHandler,
  ],
  exports: [IngestionFiles, ConversationAttachments],
})
export class FilesModule {}
