import { Transactions } from '../database/transactions';

/** For handler specs on in-memory ports: runs the work as it is. */
export class InlineTransactions extends Transactions {
  run<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }
}
