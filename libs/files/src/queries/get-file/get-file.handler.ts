import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { FileNotFound } from '../../domain/files-errors';
import { FileRepository } from '../../files.ports';
import { GetFile } from './get-file.query';

@QueryHandler(GetFile)
export class GetFileHandler implements IQueryHandler<GetFile> {
  constructor(private readonly files: FileRepository) {}

  // A file the reader may not see answers exactly like one that does not exist.
  async execute({ reader, fileId }: GetFile) {
    const file = await this.files.findById(fileId);
    if (!file || !file.isVisibleTo(reader)) throw new FileNotFound(fileId);
    return file;
  }
}
