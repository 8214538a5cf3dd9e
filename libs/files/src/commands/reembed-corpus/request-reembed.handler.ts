import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '@app/audit';
import { IngestQueue } from '@app/ingest';
import { EmbeddingModels } from '@app/llm';
import { assertOrganizationAdmin, Transactions } from '@app/platform';
import { VectorSpaces } from '@app/retrieval';
import { ReembedInProgress } from '../../domain/files-errors';
import { RequestReembed } from './request-reembed.command';

/**
 * The whole corpus: organisation admins only. One re-embed at a time: a second request while one
 * runs is a conflict (not a join), since it may come from a process configured for another model
 * than the one being built. Recorded once the build is on record, the change it asks for.
 */
@CommandHandler(RequestReembed)
export class RequestReembedHandler implements ICommandHandler<RequestReembed> {
  private readonly logger = new Logger(RequestReembedHandler.name);

  constructor(
    private readonly spaces: VectorSpaces,
    private readonly models: EmbeddingModels,
    private readonly queue: IngestQueue,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor }: RequestReembed) {
    assertOrganizationAdmin(actor);
    const { modelId, dimension } = this.models.configured;
    const space = await this.spaces.startBuilding({ modelId, dimension });
    if (!space) {
      const running = await this.spaces.buildStatus();
      throw new ReembedInProgress(running?.model ?? 'another model', running?.done ?? 0, running?.total ?? 0);
    }
    await this.transactions.run(() =>
      this.audit.record({ actorId: actor.userId, action: 'corpus.reembed_requested', target: { type: 'corpus', id: space.id }, departmentIds: [], detail: { model: modelId } }),
    );
    await this.queue.enqueueReembed(space.id).catch((error: unknown) => {
      this.logger.warn(`Could not queue the re-embed yet; the worker's reconciler will: ${(error as Error).message}`);
    });
    return (await this.spaces.buildStatus())!;
  }
}
