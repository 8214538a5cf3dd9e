import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { FileReaders } from '../../access/file-readers';
import { FileNotFound } from '../../domain/files-errors';
import { BlobStorage, FileRepository } from '../../files.ports';
import { GetFileContent } from './get-file-content.query';

@QueryHandler(GetFileContent)
export class GetFileContentHandler implements IQueryHandler<GetFileContent> {
  constructor(
    private readonly files: FileRepository,
    private readonly readers: FileReaders,
    private readonly blobs: BlobStorage,
  ) {}

  async execute({ actor, fileId }: GetFileContent) {
    const file = await this.files.findById(fileId);
    if (!file || !file.isVisibleTo(await this.readers.of(actor))) throw new FileNotFound(fileId);
    return { file, content: await this.blobs.openStream(file.storageKey) };
  }
}
