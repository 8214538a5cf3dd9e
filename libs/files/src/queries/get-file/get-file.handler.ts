import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { FileReaders } from '../../access/file-readers';
import { FileNotFound } from '../../domain/files-errors';
import { FileRepository } from '../../files.ports';
import { GetFile } from './get-file.query';

@QueryHandler(GetFile)
export class GetFileHandler implements IQueryHandler<GetFile> {
  constructor(
    private readonly files: FileRepository,
    private readonly readers: FileReaders,
  ) {}

  // A file the reader may not see answers exactly like one that does not exist.
  async execute({ actor, fileId }: GetFile) {
    const file = await this.files.findById(fileId);
    if (!file || !file.isVisibleTo(await this.readers.of(actor))) throw new FileNotFound(fileId);
    return file;
  }
}
