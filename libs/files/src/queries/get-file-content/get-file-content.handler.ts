import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { FileNotFound } from '../../domain/files-errors';
import { BlobStorage, FileRepository } from '../../files.ports';
import { GetFileContent } from './get-file-content.query';

@QueryHandler(GetFileContent)
export class GetFileContentHandler implements IQueryHandler<GetFileContent> {
  constructor(
    private readonly files: FileRepository,
    private readonly blobs: BlobStorage,
  ) {}

  async execute({ reader, fileId }: GetFileContent) {
    const file = await this.files.findById(fileId);
    if (!file || !file.isVisibleTo(reader)) throw new FileNotFound(fileId);
    return { file, content: await this.blobs.openStream(file.storageKey) };
  }
}
