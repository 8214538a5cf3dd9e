import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { withDeadline } from '@app/kernel';
import { accessScopeOf, ChunkSearch } from '@app/retrieval';

export const WARM_UP_TIMEOUT_MS = 5_000;
const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

/**
 * Runs one search before the API takes traffic. The first search of a process opens the Chroma
 * collection, makes Chroma load its index and compiles the search path, a cost that would
 * otherwise land on the first question asked after a start. Best effort and bounded in time: a
 * store that is down is the readiness check's to report, not a reason to refuse to start.
 */
@Injectable()
export class SearchWarmUp implements OnApplicationBootstrap {
  private readonly logger = new Logger(SearchWarmUp.name);

  constructor(private readonly search: ChunkSearch) {}

  async onApplicationBootstrap() {
    const scope = accessScopeOf({ departmentIds: [NO_DEPARTMENT] });
    try {
      await withDeadline(
        WARM_UP_TIMEOUT_MS,
        () => new Error(`no answer within ${WARM_UP_TIMEOUT_MS} ms`),
        (signal) => this.search.search({ query: 'warm-up', scope, limit: 1, signal }),
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'search warm-up failed; the first question will be slower');
    }
  }
}
