import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '@app/audit';
import { IngestQueue } from '@app/ingest';
import { assertOrganizationAdmin, Transactions } from '@app/platform';
import { RequestReembed } from './request-reembed.command';

/** The whole corpus: organisation admins only. Recorded once the job is queued, the change it asks for. */
@CommandHandler(RequestReembed)
export class RequestReembedHandler implements ICommandHandler<RequestReembed> {
  constructor(
    private readonly queue: IngestQueue,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor }: RequestReembed) {
    assertOrganizationAdmin(actor);
    await this.queue.enqueueReembed();
    await this.transactions.run(() => this.audit.record({ actorId: actor.userId, action: 'corpus.reembed_requested', target: { type: 'corpus', id: 'corpus' }, departmentIds: [] }));
  }
}
