import { BigIntType, EntitySchema } from '@mikro-orm/core';
import { StoredFile } from '../domain/stored-file';

const timestamp = { type: 'Date', columnType: 'timestamptz' } as const;

export const StoredFileSchema = new EntitySchema<StoredFile>({
  class: StoredFile,
  tableName: 'files',
  properties: {
    id: { type: 'uuid', primary: true },
    filename: { type: 'text' },
    mimeType: { type: 'text' },
    sizeBytes: { type: new BigIntType('number'), columnType: 'bigint' },
    sha256: { type: 'text' },
    departmentId: { type: 'uuid' },
    visibility: { type: 'text' },
    conversationId: { type: 'uuid', nullable: true },
    status: { type: 'text' },
    stage: { type: 'text', nullable: true },
    progress: { type: 'float', columnType: 'real' },
    chunkCount: { type: 'integer' },
    pageCount: { type: 'integer', nullable: true },
    errorCode: { type: 'text', nullable: true },
    errorMessage: { type: 'text', nullable: true },
    storageKey: { type: 'text' },
    uploadedBy: { type: 'uuid' },
    createdAt: timestamp,
    updatedAt: timestamp,
    lastProgressAt: { ...timestamp, nullable: true },
    readyAt: { ...timestamp, nullable: true },
    deletedAt: { ...timestamp, nullable: true },
    liveGeneration: { type: 'integer', nullable: true },
  },
});
