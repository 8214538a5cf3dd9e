import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';

/** Asks the worker to rebuild every vector with the configured embedding model. */
export class RequestReembed extends Command<void> {
  constructor(readonly actor: Actor) {
    super();
  }
}
