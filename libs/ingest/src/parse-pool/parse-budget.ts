/** What one document's parse may use, bound from configuration by the module. */
export abstract class ParseBudget {
  /** Parse threads kept by a worker process; documents beyond that wait for one. */
  abstract readonly threads: number;
  /** CPU time one document's parse may use. */
  abstract readonly cpuMs: number;
  /** Heap and buffers a parse thread may hold. */
  abstract readonly memoryMb: number;
  /** Wall-clock time after which a parse that is not using its CPU budget is given up. */
  abstract readonly wallClockMs: number;
}
