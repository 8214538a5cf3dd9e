export { FilesModule } from './files.module';
export { ConversationAttachments } from './attachments/conversation-attachments';
export type { FileView as FileRecord } from './domain/file-view';
export { FileView } from './http/file.views';
