import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IngestQueue } from '@app/ingest';
import { EmbeddingModels } from '@app/llm';
import { VectorSpaces } from '@app/retrieval';
import { ReembedInProgress } from '../../domain/files-errors';
import { RequestReembed } from './request-reembed.command';

/**
 * One re-embed at a time: a second request while one runs is a conflict (not a join), since it
 * may come from a process configured for another model than the one being built.
 */
@CommandHandler(RequestReembed)
export class RequestReembedHandler implements ICommandHandler<RequestReembed> {
  private readonly logger = new Logger(RequestReembedHandler.name);

  constructor(
    private readonly spaces: VectorSpaces,
    private readonly models: EmbeddingModels,
    private readonly queue: IngestQueue,
  ) {}

  async execute(_request: RequestReembed) {
    const { modelId, dimension } = this.models.configured;
    const space = await this.spaces.startBuilding({ modelId, dimension });
    if (!space) {
      const running = await this.spaces.buildStatus();
      throw new ReembedInProgress(running?.model ?? 'another model', running?.done ?? 0, running?.total ?? 0);
    }
    await this.queue.enqueueReembed(space.id).catch((error: unknown) => {
      this.logger.warn(`Could not queue the re-embed yet; the worker's reconciler will: ${(error as Error).message}`);
    });
    return (await this.spaces.buildStatus())!;
  }
}
