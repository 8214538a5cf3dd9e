import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IngestQueue } from '@app/ingest';
import { RequestReembed } from './request-reembed.command';

@CommandHandler(RequestReembed)
export class RequestReembedHandler implements ICommandHandler<RequestReembed> {
  constructor(private readonly queue: IngestQueue) {}

  async execute() {
    await this.queue.enqueueReembed();
  }
}
