import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FileView as FileRecord } from '../domain/file-view';
import type { FileStatus, FileVisibility, IngestionStage } from '../domain/stored-file';

const statuses: FileStatus[] = ['queued', 'processing', 'ready', 'failed'];
const stages: IngestionStage[] = ['parsing', 'chunking', 'embedding', 'indexing'];
const visibilities: FileVisibility[] = ['department', 'organization', 'conversation'];

export class FileErrorView {
  @ApiProperty({ example: 'unreadable_document' })
  code!: string;

  @ApiProperty()
  message!: string;
}

/** A file record, as the files routes answer it and as every event of its stream carries it. */
export class FileView implements FileRecord {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'As uploaded (UTF-8); untrusted text: render as text' })
  filename!: string;

  @ApiProperty({ example: 'application/pdf', description: 'Read from the bytes' })
  mimeType!: string;

  @ApiProperty()
  sizeBytes!: number;

  @ApiProperty({ description: 'Hex SHA-256 of the bytes' })
  sha256!: string;

  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ enum: visibilities, description: '`conversation`: an attachment, readable only by its owner inside its conversation' })
  visibility!: FileVisibility;

  @ApiPropertyOptional({ format: 'uuid', description: 'An attachment’s conversation' })
  conversationId?: string;

  @ApiProperty({ enum: statuses, description: 'queued → processing → ready | failed' })
  status!: FileStatus;

  @ApiPropertyOptional({ enum: stages, description: 'While processing' })
  stage?: IngestionStage;

  @ApiProperty({ minimum: 0, maximum: 1 })
  progress!: number;

  @ApiProperty()
  chunkCount!: number;

  @ApiProperty({ type: Number, nullable: true })
  pageCount!: number | null;

  @ApiProperty({ description: 'Whether chat answers from the file now: true through a reindex, and after a failed one, while its earlier chunks serve' })
  searchable!: boolean;

  @ApiPropertyOptional({ type: FileErrorView, description: 'Why it failed, when failed' })
  error?: FileErrorView;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Last sign of life while processing' })
  lastProgressAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  readyAt?: string;
}

export class UploadedFileView extends FileView {
  @ApiProperty({ description: 'true (status 200): identical bytes were already in the department; this is that record' })
  duplicate!: boolean;
}

export class DeletedFileView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: [true] })
  deleted!: true;
}
