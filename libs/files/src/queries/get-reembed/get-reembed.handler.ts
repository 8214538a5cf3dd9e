import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { VectorSpaces } from '@app/retrieval';
import { ReembedNotFound } from '../../domain/files-errors';
import { GetReembed } from './get-reembed.query';

@QueryHandler(GetReembed)
export class GetReembedHandler implements IQueryHandler<GetReembed> {
  constructor(private readonly spaces: VectorSpaces) {}

  async execute(_request: GetReembed) {
    const status = await this.spaces.buildStatus();
    if (!status) throw new ReembedNotFound();
    return status;
  }
}
