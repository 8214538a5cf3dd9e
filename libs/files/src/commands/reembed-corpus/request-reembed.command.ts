import { Command } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';
import type { VectorBuildStatus } from '@app/retrieval';

/**
 * Starts building every vector again with the embedding model this process is configured
 * with, beside the vectors searches use until the new ones are complete.
 */
export class RequestReembed extends Command<VectorBuildStatus> {
  constructor(readonly actor: Actor) {
    super();
  }
}
