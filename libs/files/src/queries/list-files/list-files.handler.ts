import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor } from '@app/kernel';
import { ValidationFailed } from '@app/platform';
import { FileReaders } from '../../access/file-readers';
import { toFileView } from '../../domain/file-view';
import { FileRepository } from '../../files.ports';
import { ListFiles } from './list-files.query';

@QueryHandler(ListFiles)
export class ListFilesHandler implements IQueryHandler<ListFiles> {
  constructor(
    private readonly files: FileRepository,
    private readonly readers: FileReaders,
  ) {}

  async execute({ actor, filter, limit, cursor }: ListFiles) {
    const after = cursor === undefined ? null : decodeCursor(cursor);
    if (cursor !== undefined && !after) throw new ValidationFailed([{ field: 'cursor', problem: 'is not a cursor this API issued' }]);
    const rows = await this.files.listVisible(await this.readers.of(actor), filter, limit + 1, after);
    const last = rows.length > limit ? rows[limit - 1] : null;
    return {
      items: rows.slice(0, limit).map(toFileView),
      nextCursor: last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
    };
  }
}
