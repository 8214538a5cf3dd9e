import { Query } from '@nestjs/cqrs';
import type { Actor } from '@app/platform';
import type { VectorBuildStatus } from '@app/retrieval';

/** The latest re-embed, running or finished. */
export class GetReembed extends Query<VectorBuildStatus> {
  constructor(readonly actor: Actor) {
    super();
  }
}
