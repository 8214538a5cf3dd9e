import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

/**
 * One unit of work around a change and what must be recorded with it (its audit entry): both
 * are written, or neither. Repositories called inside `run` take part through MikroORM's
 * transaction context; a throw rolls everything back.
 */
export abstract class Transactions {
  abstract run<T>(work: () => Promise<T>): Promise<T>;
}

@Injectable()
export class MikroOrmTransactions extends Transactions {
  constructor(private readonly em: EntityManager) {
    super();
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    // The global manager resolves to the request's context; inside, every repository's manager
    // resolves to the transaction's fork.
    return this.em.transactional(() => work());
  }
}
